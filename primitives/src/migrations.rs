//! What the pallets' storage migrations share.
//!
//! The first runtimes declared no storage version for most pallets, so their chains hold
//! version 0. Each such pallet's `migrations::v1` moves it to version 1 without changing its
//! layout: [`UnchangedLayout`] does nothing on chain, and under try-runtime it checks that
//! every storage item holds as many entries after the upgrade as before
//! ([`StorageSummary`]). Later versions that change a layout write their own steps.

use alloc::vec::Vec;
use core::marker::PhantomData;
use frame_support::{traits::UncheckedOnRuntimeUpgrade, weights::Weight};

/// How many entries each storage item of a pallet holds, in a fixed order.
pub trait StorageSummary {
	/// The entry count of each storage item.
	fn summary() -> Vec<u64>;
}

/// The step of a migration that leaves the layout as it is; wrap it in
/// `frame_support::migrations::VersionedMigration` to move the storage version.
pub struct UnchangedLayout<Summary>(PhantomData<Summary>);

impl<Summary: StorageSummary> UncheckedOnRuntimeUpgrade for UnchangedLayout<Summary> {
	fn on_runtime_upgrade() -> Weight {
		Weight::zero()
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Ok(codec::Encode::encode(&Summary::summary()))
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(before: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before: Vec<u64> = codec::Decode::decode(&mut &before[..])
			.map_err(|_| "the pre-upgrade summary does not decode")?;
		frame_support::ensure!(
			before == Summary::summary(),
			"a storage item's entry count changed in an upgrade that keeps the layout"
		);
		Ok(())
	}
}

/// The v0 → v1 migration of a pallet `P` whose layout did not change when it began declaring a
/// storage version, with `Summary` its entry counts; a no-op on a chain already at 1.
pub type UnversionedToV1<P, Summary, DbWeight> =
	frame_support::migrations::VersionedMigration<0, 1, UnchangedLayout<Summary>, P, DbWeight>;

/// Declares a pallet's `migrations::v1`, from version 0 to 1 with the layout unchanged
/// ([`UnversionedToV1`]): `maps` are the pallet's storage maps and `vectors` its storage values
/// holding a bounded vector, whose entry counts the try-runtime checks compare. Call it in the
/// pallet's `migrations.rs`; the pallet must declare `extern crate alloc`.
#[macro_export]
// `crate` is the calling pallet's crate, on purpose: the module names its storage items.
#[allow(clippy::crate_in_macro_def)]
macro_rules! unversioned_to_v1 {
	(maps: [$($map:ident),* $(,)?] $(, vectors: [$($vector:ident),* $(,)?])? $(,)?) => {
		/// Version 1: the layout of the first runtimes, which declared no version (their chains
		/// hold version 0). The step moves the version and changes nothing else; under
		/// try-runtime it checks that every map and vector holds as many entries after the
		/// upgrade as before.
		pub mod v1 {
			use crate::*;

			/// Moves the pallet from version 0 to 1; a no-op on a chain already at 1.
			pub type MigrateV0ToV1<T> = $crate::migrations::UnversionedToV1<
				Pallet<T>,
				Summary<T>,
				<T as frame_system::Config>::DbWeight,
			>;

			/// The entry counts of the pallet's maps and vectors.
			pub struct Summary<T>(core::marker::PhantomData<T>);

			impl<T: Config> $crate::migrations::StorageSummary for Summary<T> {
				fn summary() -> alloc::vec::Vec<u64> {
					alloc::vec![
						$($crate::migrations::count($map::<T>::iter_keys()),)*
						$($($vector::<T>::decode_len().unwrap_or_default() as u64,)*)?
					]
				}
			}
		}
	};
}

/// The count of entries of a storage map, double map or n-map, by its keys.
pub fn count<K>(keys: impl Iterator<Item = K>) -> u64 {
	keys.count() as u64
}

#[cfg(all(test, feature = "try-runtime"))]
mod tests {
	use super::*;
	use core::cell::Cell;

	std::thread_local! {
		static ENTRIES: Cell<u64> = const { Cell::new(3) };
	}

	struct Entries;
	impl StorageSummary for Entries {
		fn summary() -> Vec<u64> {
			alloc::vec![ENTRIES.get()]
		}
	}

	#[test]
	fn an_unchanged_layout_passes_and_a_lost_entry_is_caught() {
		let before = UnchangedLayout::<Entries>::pre_upgrade().unwrap();
		assert_eq!(UnchangedLayout::<Entries>::on_runtime_upgrade(), Weight::zero());
		assert!(UnchangedLayout::<Entries>::post_upgrade(before.clone()).is_ok());
		ENTRIES.set(2);
		assert!(UnchangedLayout::<Entries>::post_upgrade(before).is_err());
		assert!(UnchangedLayout::<Entries>::post_upgrade(alloc::vec![0xff]).is_err());
	}
}
