//! The team as consoles see it: who tickets can be assigned to, and the groups they route to.

use desk_domain::{Agent, Group};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct Team {
    #[cfg_attr(feature = "utoipa", schema(value_type = Vec<Object>))]
    pub agents: Vec<Agent>,
    #[cfg_attr(feature = "utoipa", schema(value_type = Vec<Object>))]
    pub groups: Vec<Group>,
}
