//! `report-data`: checks Report Explorer data files and moves them between format 2 JSON and
//! the spreadsheet template (an xlsx workbook or a folder of CSV files). It works on the JSON
//! level (the spec's field names), and checks with the app's own loader
//! (`report_explorer::core::load`), so its messages are the page's.

pub mod book;
pub mod commands;
pub mod export;
pub mod import;
pub mod json_out;
pub mod places;
pub mod read;
pub mod template;
pub mod write;
