//! Storage migrations of this pallet, one module per storage version.

seoul_primitives::unversioned_to_v1!(maps: [
	Members, DidDocuments, PendingKeyRotations, RotationsDue,
]);

/// Version 2: the healthcare provider's member kind. A chain at version 1 holds a quota for every
/// kind but the new one, whose members could not transact until the city set one; the step gives
/// every kind without a quota the default a genesis gives it ([`default_quota`]), and leaves the
/// quotas the city set.
pub mod v2 {
	use crate::*;
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

	/// Moves the pallet from version 1 to 2; a no-op on a chain already at 2.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		QuotasOfNewKinds<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;

	/// Gives every member kind without a quota its default.
	pub struct QuotasOfNewKinds<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for QuotasOfNewKinds<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut added = 0;
			for kind in MemberKind::ALL {
				if !Quotas::<T>::contains_key(kind) {
					Quotas::<T>::insert(kind, default_quota(kind));
					added += 1;
				}
			}
			T::DbWeight::get().reads_writes(MemberKind::ALL.len() as u64, added)
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			frame_support::ensure!(
				MemberKind::ALL.into_iter().all(Quotas::<T>::contains_key),
				"a member kind has no quota"
			);
			Ok(())
		}
	}
}
