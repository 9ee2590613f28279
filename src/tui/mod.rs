//! The terminal application. `app` holds the state and the pure `update`; `screens` draw
//! it; this module alone owns the terminal and carries out effects.

pub mod app;
pub mod form;
pub mod home;
pub mod interview;
pub mod keymap;
pub mod keys;
pub mod msg;
pub mod panels;
pub mod text_field;
pub mod theme;
