//! The words of the participants' views and their comparison, in French and English (to be written).
