//! Storage migrations between the pallet's versions.

use crate::{migrations::v2::MigrateV1ToV2, mock::*, *};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

#[test]
fn version_2_gives_a_kind_added_since_its_default_quota_and_keeps_the_city_s() {
	ExtBuilder::default().build_and_execute(|| {
		// A chain at version 1: no quota for healthcare providers, the citizens' set by the city.
		StorageVersion::new(1).put::<Pallet<Test>>();
		Quotas::<Test>::remove(MemberKind::HealthcareProvider);
		assert_eq!(Quotas::<Test>::get(MemberKind::Citizen), CITIZEN_QUOTA);
		assert_ne!(CITIZEN_QUOTA, DEFAULT_CITIZEN_QUOTA);

		MigrateV1ToV2::<Test>::on_runtime_upgrade();

		assert_eq!(Quotas::<Test>::get(MemberKind::HealthcareProvider), DEFAULT_ORGANISATION_QUOTA);
		assert_eq!(Quotas::<Test>::get(MemberKind::Citizen), CITIZEN_QUOTA);
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
	});
}

#[test]
fn version_2_changes_nothing_on_a_chain_already_there() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
		Quotas::<Test>::remove(MemberKind::HealthcareProvider);

		MigrateV1ToV2::<Test>::on_runtime_upgrade();

		assert!(!Quotas::<Test>::contains_key(MemberKind::HealthcareProvider));
	});
}
