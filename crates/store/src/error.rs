//! Store failures, and how they cross to the UI as `{code, message}`.

use desk_domain::{ApiError, ErrorCode, TicketId};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("ticket {0} is not in the local replica")]
    TicketNotFound(TicketId),
    #[error("there is no macro '{0}'")]
    MacroNotFound(String),
    #[error("{0}")]
    Invalid(String),
    #[error("the local database is unavailable: {0}")]
    Unavailable(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("schema migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
}

impl StoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::TicketNotFound(_) | StoreError::MacroNotFound(_) => ErrorCode::NotFound,
            StoreError::Invalid(_) => ErrorCode::InvalidInput,
            StoreError::Unavailable(_) => ErrorCode::StoreUnavailable,
            StoreError::Sqlite(e) if is_busy(e) => ErrorCode::StoreUnavailable,
            StoreError::Sqlite(_) | StoreError::Migration(_) => ErrorCode::Internal,
        }
    }
}

use desk_sqlite::{is_busy, Gone, OpenError};

impl From<Gone> for StoreError {
    fn from(e: Gone) -> Self {
        StoreError::Unavailable(e.0.to_string())
    }
}

impl From<OpenError> for StoreError {
    fn from(e: OpenError) -> Self {
        match e {
            OpenError::Sqlite(e) => StoreError::Sqlite(e),
            OpenError::Migration(e) => StoreError::Migration(e),
            OpenError::Thread(e) => StoreError::Unavailable(e.to_string()),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError::new(e.code(), e.to_string())
    }
}

impl From<ApiError> for StoreError {
    fn from(e: ApiError) -> Self {
        StoreError::Invalid(e.message)
    }
}
