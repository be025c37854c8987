//! Standard output for the commands: buffered, with JSON written one way everywhere, and a closed
//! pipe reported as an error that `cli::run` turns into a quiet exit.

use std::io::{self, BufWriter, Write};

use serde::Serialize;

use super::CommandError;

/// Where a command writes its result.
pub struct Output {
    inner: Box<dyn Write>,
}

impl Output {
    /// Buffered standard output.
    pub fn stdout() -> Self {
        Output {
            inner: Box::new(BufWriter::new(io::stdout().lock())),
        }
    }

    /// Writes text as it is.
    pub fn write_str(&mut self, text: &str) -> Result<(), CommandError> {
        self.inner.write_all(text.as_bytes())?;
        Ok(())
    }

    /// Writes a value as pretty-printed JSON followed by a newline.
    pub fn write_json<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CommandError> {
        serde_json::to_writer_pretty(&mut self.inner, value).map_err(|e| {
            if e.is_io() {
                CommandError::from(io::Error::from(e))
            } else {
                CommandError::failure(e)
            }
        })?;
        self.inner.write_all(b"\n")?;
        Ok(())
    }

    /// Flushes what is buffered.
    pub fn flush(&mut self) -> Result<(), CommandError> {
        self.inner.flush()?;
        Ok(())
    }
}
