//! The upgrade rehearsal's addition (feature `upgrade-rehearsal`, built as the WASM of
//! `runtime/upgrade-rehearsal`): a runtime one `spec_version` ahead whose only change is a
//! migration with a result to check. Test networks rehearse the city's upgrade procedure with it
//! (docs/OPERATORS.md §10, e2e/tests/operations.test.js); it is never proposed on a production
//! network.

use crate::{BlockNumber, Runtime, Session, System, VERSION};
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{traits::OnRuntimeUpgrade, weights::Weight};
use scale_info::TypeInfo;

/// What the rehearsal's migration records when it runs.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct RehearsalRecord {
	/// The runtime version that ran it.
	pub spec_version: u32,
	/// The block that set the new code: migrations run as the next block starts, before
	/// `System` takes its number.
	pub code_set_in: BlockNumber,
	/// The validators of the session it ran in.
	pub validators: u32,
}

/// The record, under `twox128("UpgradeRehearsal") ++ twox128("Record")`, which any client reads
/// with `state_getStorage`.
#[frame_support::storage_alias]
pub type Record = StorageValue<UpgradeRehearsal, RehearsalRecord>;

/// The rehearsal's migration: records the version, the block that set the code and the number of
/// validators.
pub struct RecordRehearsal;

impl OnRuntimeUpgrade for RecordRehearsal {
	fn on_runtime_upgrade() -> Weight {
		Record::put(RehearsalRecord {
			spec_version: VERSION.spec_version,
			code_set_in: System::block_number(),
			validators: Session::validators().len() as u32,
		});
		<Runtime as frame_system::Config>::DbWeight::get().reads_writes(1, 1)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
		frame_support::ensure!(!Record::exists(), "the rehearsal already ran on this chain");
		Ok(alloc::vec::Vec::new())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let record = Record::get().ok_or("the rehearsal recorded nothing")?;
		frame_support::ensure!(
			record.spec_version == VERSION.spec_version,
			"wrong version recorded"
		);
		Ok(())
	}
}
