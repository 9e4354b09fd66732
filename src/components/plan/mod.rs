//! The action plan followed over time (issue 13's faces): the plan by status, lead
//! organisation or tier, the action form, the milestones and the comparison of two moments,
//! the dashboard with its charts and tables, and the plan's exports. They are compiled into
//! every workshop build but shown only by the plan build ([`crate::state::PLAN`]); the
//! workshop build shows [`PlanNeeded`] instead, which asks the page for the plan bundle.

mod action_form;
mod action_row;
mod bar_chart_figure;
mod chart_frame;
mod dashboard_view;
mod line_chart_figure;
mod milestone_comparison;
mod milestone_list;
mod milestone_mark;
mod milestones_view;
mod plan_needed;
mod plan_tabs;
mod plan_view;

pub use action_form::ActionForm;
pub use action_row::ActionRow;
pub use bar_chart_figure::BarChartFigure;
pub use dashboard_view::DashboardView;
pub use line_chart_figure::LineChartFigure;
pub use milestone_comparison::MilestoneComparison;
pub use milestone_list::MilestoneList;
pub use milestone_mark::MilestoneMark;
pub use milestones_view::MilestonesView;
pub use plan_needed::PlanNeeded;
pub use plan_tabs::PlanTabs;
pub use plan_view::PlanView;
