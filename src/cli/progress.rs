//! A progress bar on standard error for work that takes more than a moment (building the
//! history). It draws only when `Config::progress` allows it (standard error is a terminal, not
//! `--quiet`, not `--format json`) and only once the work has run for [`DELAY`], so that quick
//! runs and pipes stay silent. The library reports progress through a callback; this is the one
//! place that turns it into a bar.

use std::io::Write;
use std::time::{Duration, Instant};

/// How long work runs before the bar appears.
pub const DELAY: Duration = Duration::from_millis(300);

/// The bar's width in cells.
const WIDTH: usize = 24;

/// A one-line bar redrawn in place with `\r`, cleared when done.
pub struct Bar {
    enabled: bool,
    start: Instant,
    label: &'static str,
    drawn: usize,
}

impl Bar {
    /// A bar for `label` (`actes build`), drawn only if `enabled`.
    pub fn new(enabled: bool, label: &'static str) -> Self {
        Bar {
            enabled,
            start: Instant::now(),
            label,
            drawn: 0,
        }
    }

    /// `done` of `total` steps of `what`.
    pub fn update(&mut self, done: usize, total: usize, what: &str) {
        let filled = (done.min(total) * WIDTH)
            .checked_div(total)
            .unwrap_or(WIDTH);
        let line = format!(
            "{}: [{}{}] {done}/{total} {what}",
            self.label,
            "#".repeat(filled),
            "-".repeat(WIDTH - filled)
        );
        self.draw(&line);
    }

    /// A step without a count (`writing 218 objects`).
    pub fn message(&mut self, what: &str) {
        let line = format!("{}: {what}", self.label);
        self.draw(&line);
    }

    fn draw(&mut self, line: &str) {
        if !self.enabled || self.start.elapsed() < DELAY {
            return;
        }
        let len = line.chars().count();
        let pad = self.drawn.saturating_sub(len);
        self.drawn = len;
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{line}{}", " ".repeat(pad));
        let _ = err.flush();
    }

    /// Clears the bar, if it was drawn.
    pub fn finish(&mut self) {
        if self.drawn > 0 {
            let _ = write!(std::io::stderr(), "\r{}\r", " ".repeat(self.drawn));
            self.drawn = 0;
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_disabled_bar_never_draws() {
        let mut bar = Bar::new(false, "actes build");
        bar.start -= DELAY * 2;
        bar.update(3, 10, "commits");
        assert_eq!(bar.drawn, 0);
    }

    #[test]
    fn a_bar_waits_a_moment_before_drawing() {
        let mut bar = Bar::new(true, "actes build");
        bar.start = Instant::now() + Duration::from_secs(3600);
        bar.update(3, 10, "commits");
        assert_eq!(bar.drawn, 0);
    }
}
