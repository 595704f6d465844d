//! Storage migrations of this pallet, one module per storage version.

seoul_primitives::unversioned_to_v1!(maps: [
	Programmes, RewardIssuers, Receipts, EarningsInPeriod, Merchants, ZeroPayIds, PaidRequests,
	Catalogue, Vouchers, PendingSettlements, Settlements, MerchantSettlements,
]);
