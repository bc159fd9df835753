//! The status of a term: whether a TBX term is an accepted name or a
//! known wrong one.
//!
//! TBX-Basic (ISO 30042:2019, TBX-Basic dialect §4 "administrativeStatus")
//! writes `preferredTerm-admn-sts`, `admittedTerm-admn-sts`,
//! `deprecatedTerm-admn-sts` and `supersededTerm-admn-sts`; TBX v2 files
//! (ISO 30042:2008 with the ISO 12620 data categories) also use
//! `normativeAuthorization` with `preferredTerm`, `admittedTerm`,
//! `deprecatedTerm`, `supersededTerm`, `standardizedTerm`, `legalTerm` and
//! `regulatedTerm`. Tools add their own values (`obsolete`).

/// How a term is to be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// The preferred name: first among the official forms.
    Preferred,
    /// An accepted name; also a term without any status.
    Admitted,
    /// Deprecated, superseded, obsolete: a known wrong rendering.
    Rejected,
}

impl Status {
    /// The status a `termNote` value names; `None` for values that say
    /// nothing about use (the term then counts as admitted).
    pub fn parse(value: &str) -> Option<Status> {
        let value = value.trim().to_ascii_lowercase();
        let value = value.strip_suffix("-admn-sts").unwrap_or(&value);
        let value: String = value.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        const PREFERRED: [&str; 4] = ["preferred", "standardized", "legal", "regulated"];
        const REJECTED: [&str; 6] = [
            "deprecated",
            "superseded",
            "obsolete",
            "notrecommended",
            "forbidden",
            "rejected",
        ];
        if PREFERRED.iter().any(|p| value.starts_with(p)) {
            Some(Status::Preferred)
        } else if value.starts_with("admitted") {
            Some(Status::Admitted)
        } else if REJECTED.iter().any(|p| value.starts_with(p)) {
            Some(Status::Rejected)
        } else {
            None
        }
    }

    /// The TBX-Basic `administrativeStatus` value written on export.
    pub fn tbx_basic(self) -> &'static str {
        match self {
            Status::Preferred => "preferredTerm-admn-sts",
            Status::Admitted => "admittedTerm-admn-sts",
            Status::Rejected => "deprecatedTerm-admn-sts",
        }
    }
}

/// Whether a `termNote` `type` carries a term's status.
pub fn is_status_type(kind: &str) -> bool {
    matches!(kind, "administrativeStatus" | "normativeAuthorization")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tbx_basic_values_map_to_statuses() {
        assert_eq!(
            Status::parse("preferredTerm-admn-sts"),
            Some(Status::Preferred)
        );
        assert_eq!(
            Status::parse("admittedTerm-admn-sts"),
            Some(Status::Admitted)
        );
        assert_eq!(
            Status::parse("deprecatedTerm-admn-sts"),
            Some(Status::Rejected)
        );
        assert_eq!(
            Status::parse("supersededTerm-admn-sts"),
            Some(Status::Rejected)
        );
    }

    #[test]
    fn normative_authorization_and_tool_values_map() {
        assert_eq!(Status::parse("legalTerm"), Some(Status::Preferred));
        assert_eq!(Status::parse("admittedTerm"), Some(Status::Admitted));
        assert_eq!(Status::parse("obsolete"), Some(Status::Rejected));
        assert_eq!(Status::parse("not recommended"), Some(Status::Rejected));
        assert_eq!(Status::parse("noun"), None);
    }

    #[test]
    fn export_values_read_back() {
        for s in [Status::Preferred, Status::Admitted, Status::Rejected] {
            assert_eq!(Status::parse(s.tbx_basic()), Some(s));
        }
    }
}
