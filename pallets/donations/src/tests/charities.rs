//! Charities registering, and the city's cooling-off period.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn a_charity_registers_its_number_and_donation_type() {
	ExtBuilder.build_and_execute(|| {
		System::reset_events();
		assert_ok!(Donations::register_charity(
			RuntimeOrigin::signed(UNREGISTERED_CHARITY),
			*b"1248100998",
			DonationType::Special
		));
		let registration = RegistrationNumber(*b"1248100998");
		assert_eq!(
			Charities::<Test>::get(UNREGISTERED_CHARITY),
			Some(CharityProfile { registration, donation_type: DonationType::Special })
		);
		assert_eq!(
			donation_events(),
			vec![Event::CharityRegistered {
				charity: UNREGISTERED_CHARITY,
				registration,
				donation_type: DonationType::Special
			}]
		);
		assert_eq!(DonationType::Special.code(), 10);
		assert_eq!(DonationType::HometownLove.code(), 43);
	});
}

#[test]
fn register_charity_refuses_bad_calls() {
	ExtBuilder.build_and_execute(|| {
		let register = |origin, number: &[u8; 10]| {
			Donations::register_charity(origin, *number, DonationType::General)
		};
		assert_noop!(register(RuntimeOrigin::root(), &REGISTRATION), BadOrigin);
		assert_noop!(register(RuntimeOrigin::none(), &REGISTRATION), BadOrigin);
		for signer in [REVIEWER, DONOR, STRANGER] {
			assert_noop!(
				register(RuntimeOrigin::signed(signer), &REGISTRATION),
				Error::<Test>::NotCharity
			);
		}
		// A wrong check digit, a letter, a dash.
		for number in [b"1238212345", b"12382123a8", b"123-821234"] {
			assert_noop!(
				register(RuntimeOrigin::signed(UNREGISTERED_CHARITY), number),
				Error::<Test>::BadRegistrationNumber
			);
		}
		// A charity the city suspended registers nothing.
		Register::suspend(&CHARITY);
		assert_noop!(
			register(RuntimeOrigin::signed(CHARITY), &REGISTRATION),
			Error::<Test>::NotCharity
		);
	});
}

#[test]
fn the_city_sets_the_cooling_off_period_within_its_bound() {
	ExtBuilder.build_and_execute(|| {
		assert_eq!(CoolingOff::<Test>::get(), 7 * DAY);
		System::reset_events();
		assert_ok!(Donations::set_cooling_off(RuntimeOrigin::root(), 14 * DAY));
		assert_eq!(CoolingOff::<Test>::get(), 14 * DAY);
		assert_eq!(donation_events(), vec![Event::CoolingOffSet { period: 14 * DAY }]);
		assert_ok!(Donations::set_cooling_off(RuntimeOrigin::root(), 0));
		assert_noop!(
			Donations::set_cooling_off(RuntimeOrigin::root(), 30 * DAY + 1),
			Error::<Test>::BadCoolingOff
		);
		for signer in [CHARITY, REVIEWER, DONOR] {
			assert_noop!(Donations::set_cooling_off(RuntimeOrigin::signed(signer), DAY), BadOrigin);
		}
	});
}
