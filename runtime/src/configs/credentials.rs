//! Credentials: schemas, attested credential hashes and their status, holders' submissions.

use frame_support::parameter_types;

use super::{CityOrigin, Runtime};
use crate::{Citizens, Timestamp};

parameter_types! {
	/// A schema's short name, e.g. "Bachelor degree" or "한식조리기능사".
	pub const MaxSchemaNameLength: u32 = 64;
	/// A registry office's staff.
	pub const MaxDelegates: u32 = 32;
	/// The documents of one application, e.g. a degree, transcripts and licences.
	pub const MaxCredentialsPerSubmission: u32 = 16;
	/// A holder's submissions kept at once: years of applications; it removes old ones to make
	/// room.
	pub const MaxSubmissionsPerHolder: u32 = 1_000;
}

impl pallet_credentials::Config for Runtime {
	type CityOrigin = CityOrigin;
	type Registry = Citizens;
	type UnixTime = Timestamp;
	type MaxNameLength = MaxSchemaNameLength;
	type MaxDelegates = MaxDelegates;
	type MaxCredentialsPerSubmission = MaxCredentialsPerSubmission;
	type MaxSubmissionsPerHolder = MaxSubmissionsPerHolder;
	type WeightInfo = pallet_credentials::weights::SubstrateWeight<Runtime>;
}
