//! Creating and running programmes.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn the_city_creates_a_programme() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_eq!(programme, 0);
		let state = Programmes::<Test>::get(programme).expect("created");
		assert_eq!(state.budget, BUDGET);
		assert_eq!(state.status, ProgrammeStatus::Active);
		assert_noop!(
			SCoin::create_programme(
				RuntimeOrigin::signed(account(AGENCY)),
				b"x".to_vec(),
				account(AGENCY),
				ServiceCategory::Other,
				1,
				RewardRule::Fixed(10),
				10,
				1,
				1,
				2,
			),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}
