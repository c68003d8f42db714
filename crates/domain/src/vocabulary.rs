//! The one macro behind every closed vocabulary of the domain (categories, channels, statuses,
//! priorities...): an enum whose variants have one spelling shared by serde, SQLite and the UI.

/// `string_enum!(Name, as_str, parse { Variant = "spelling", ... })` defines the enum with
/// `ALL`, the two named conversions, `Display` and `FromStr` (whose error is an
/// `ApiError::invalid` naming the bad value, truncated so hostile input cannot flood logs).
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident, $to:ident, $from:ident {
        $($(#[$vmeta:meta])* $variant:ident = $id:literal),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[derive(serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and serialized spelling.
            pub fn $to(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            pub fn $from(s: &str) -> Option<Self> {
                match s { $($id => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.$to())
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::ApiError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::$from(s).ok_or_else(|| crate::ApiError::invalid(format!(
                    concat!("unknown ", stringify!($name), " '{}'"),
                    s.chars().take(64).collect::<String>()
                )))
            }
        }
    };
}

pub(crate) use string_enum;
