//! Storage migrations of this pallet, one module per storage version.

/// Version 1: the layout of the first runtimes, which declared no version (their chains hold
/// version 0). The step moves the version and changes nothing else; under try-runtime it checks
/// that every map holds as many entries after the upgrade as before.
pub mod v1 {
	use crate::*;
	use alloc::{vec, vec::Vec};
	use core::marker::PhantomData;
	use seoul_primitives::migrations::{count, StorageSummary, UnversionedToV1};

	/// Moves the pallet from version 0 to 1; a no-op on a chain already at 1.
	pub type MigrateV0ToV1<T> =
		UnversionedToV1<Pallet<T>, Summary<T>, <T as frame_system::Config>::DbWeight>;

	/// The entry counts of the pallet's maps.
	pub struct Summary<T>(PhantomData<T>);

	impl<T: Config> StorageSummary for Summary<T> {
		fn summary() -> Vec<u64> {
			vec![
				count(Schemas::<T>::iter_keys()),
				count(SchemaIssuers::<T>::iter_keys()),
				count(Delegates::<T>::iter_keys()),
				count(DelegateCount::<T>::iter_keys()),
				count(Attestations::<T>::iter_keys()),
				count(Submissions::<T>::iter_keys()),
			]
		}
	}
}
