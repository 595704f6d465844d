//! Donation receipts: what a charity issues a donor for a year's donations, and what the tax
//! settlement deducts of them.

use crate::{pallet::*, *};
use frame_support::{pallet_prelude::*, BoundedVec};
use seoul_primitives::{calendar::Date, Balance};

impl<T: Config> Pallet<T> {
	/// Issues `donor` a receipt from `charity` (registered as `profile`) for the donations of
	/// `year` that no receipt lists yet, and returns how many donations it examined. A donation is
	/// listed once
	/// it can no longer be withdrawn (S-coin past its cooling-off) or once confirmed (won), less
	/// what was paid back of it; one still in its cooling-off waits for a later receipt.
	pub(crate) fn issue(
		charity: &T::AccountId,
		profile: CharityProfile,
		donor: &T::AccountId,
		year: u16,
	) -> Result<u32, DispatchError> {
		let now = Self::now();
		let candidates = ReceiptableDonations::<T>::get((donor, charity, year));
		let examined = candidates.len() as u32;
		let mut listed = alloc::vec::Vec::new();
		for id in candidates {
			let Some(gift) = DonationRecords::<T>::get(id) else { continue };
			// A won donation's window ends when it was paid: it is final once confirmed.
			let final_now = now >= gift.withdrawable_until;
			// A refund owed but not yet paid (`UnpaidRefunds`) is no donation either.
			let owed = UnpaidRefunds::<T>::get(id).unwrap_or(0);
			let amount = gift.amount.saturating_sub(gift.refunded).saturating_sub(owed);
			if gift.receipt.is_none()
				&& gift.state == DonationState::Given
				&& final_now && amount > 0
			{
				listed.push((id, gift, amount));
			}
		}
		ensure!(!listed.is_empty(), Error::<T>::NothingToReceipt);

		let serial = NextReceiptSerial::<T>::get(charity, year).saturating_add(1);
		let number = ReceiptNumber { year, serial };
		let mut total: Balance = 0;
		let mut lines = BoundedVec::<_, T::MaxReceiptLines>::new();
		for (id, mut gift, amount) in listed {
			total = total.saturating_add(amount);
			// The candidates are bounded by the same bound as the lines.
			let _ = lines.try_push(ReceiptLine {
				donation: id,
				date: Date::in_korea_at(gift.given_at),
				kind: gift.kind,
				amount,
			});
			gift.receipt = Some(number);
			DonationRecords::<T>::insert(id, gift);
		}
		let count = lines.len() as u32;
		NextReceiptSerial::<T>::insert(charity, year, serial);
		Receipts::<T>::insert(
			charity,
			number,
			Receipt {
				charity: charity.clone(),
				registration: profile.registration,
				donation_type: profile.donation_type,
				donor: donor.clone(),
				lines,
				total,
				issued_at: now,
			},
		);
		let index = DonorReceiptCount::<T>::get(donor, year);
		DonorReceipts::<T>::insert((donor, year, index), (charity.clone(), number));
		DonorReceiptCount::<T>::insert(donor, year, index.saturating_add(1));
		Self::deposit_event(Event::ReceiptIssued {
			charity: charity.clone(),
			number,
			donor: donor.clone(),
			lines: count,
			total,
		});
		Ok(examined)
	}

	/// What was paid back of `receipt`'s donations after it was issued: each line lists its
	/// donation less what had been paid back, or was owed back, then.
	pub(crate) fn refunded_since(receipt: &ReceiptOf<T>) -> Balance {
		receipt
			.lines
			.iter()
			.filter_map(|line| {
				let gift = DonationRecords::<T>::get(line.donation)?;
				let refunded_before = gift.amount.saturating_sub(line.amount);
				Some(gift.refunded.saturating_sub(refunded_before))
			})
			.fold(0, Balance::saturating_add)
	}
}
