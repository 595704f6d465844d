//! The pallet's invariants, which `try_state` checks after every block in try-runtime builds and
//! the tests check after every test.

use crate::{
	Config, DistributionQueue, DistributionStatus, Distributions, MerchantSettlements, Merchants,
	Pallet, PendingSettlements, ProgrammeStatus, Programmes, SettlementStatus, Settlements, Supply,
	ZeroPayIds,
};
use frame_support::{ensure, traits::fungible::Inspect};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants: the supply ledger adds up to the total issuance, no
	/// programme issued more than its budget and a closed programme has no budget left, and
	/// every merchant id and settlement is indexed both ways, and the distributions still paying
	/// are exactly those queued.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			Supply::<T>::get().expected_issuance() == T::Currency::total_issuance(),
			"the supply ledger does not add up to the total issuance"
		);
		for (_, programme) in Programmes::<T>::iter() {
			ensure!(programme.issued <= programme.budget, "a programme overspent its budget");
			ensure!(
				programme.status != ProgrammeStatus::Closed || programme.issued == programme.budget,
				"a closed programme kept a budget"
			);
		}
		for (merchant, profile) in Merchants::<T>::iter() {
			ensure!(
				ZeroPayIds::<T>::get(&profile.zeropay_id) == Some(merchant),
				"a merchant's ZeroPay id is not indexed to it"
			);
		}
		ensure!(
			ZeroPayIds::<T>::iter().count() == Merchants::<T>::iter().count(),
			"a ZeroPay id is indexed to no merchant"
		);
		for (merchant, id, ()) in MerchantSettlements::<T>::iter() {
			ensure!(
				Settlements::<T>::get(id).is_some_and(|s| s.merchant == merchant),
				"a merchant's settlement index is wrong"
			);
		}
		let mut pending = alloc::collections::BTreeMap::<T::AccountId, u32>::new();
		for (id, settlement) in Settlements::<T>::iter() {
			ensure!(
				MerchantSettlements::<T>::contains_key(&settlement.merchant, id),
				"a settlement is missing from its merchant's index"
			);
			if settlement.status == SettlementStatus::Pending {
				*pending.entry(settlement.merchant).or_default() += 1;
			}
		}
		ensure!(
			PendingSettlements::<T>::iter()
				.all(|(merchant, count)| pending.get(&merchant) == Some(&count))
				&& PendingSettlements::<T>::iter_keys().count() == pending.len(),
			"pending settlement counts do not match the settlements"
		);
		let queue = DistributionQueue::<T>::get();
		for (id, distribution) in Distributions::<T>::iter() {
			ensure!(
				matches!(distribution.status, DistributionStatus::Paying { .. })
					== queue.contains(&id),
				"a distribution is paying but not queued, or queued but ended"
			);
			ensure!(
				distribution.total == distribution.amount.saturating_mul(distribution.paid.into()),
				"a distribution's total is not its amount times the citizens it paid"
			);
		}
		ensure!(
			queue.iter().all(Distributions::<T>::contains_key),
			"an unknown distribution is queued"
		);
		Ok(())
	}
}
