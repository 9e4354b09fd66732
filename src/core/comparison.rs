//! Comparing the participants' contributions (to be written).
