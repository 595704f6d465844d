//! Benchmarks of every call, each in its heaviest case: names at their bound, a delegate acting
//! for its issuer, submissions of the most credentials.

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::pallet_prelude::*;
use frame_system::RawOrigin;
use sp_core::H256;

/// The city's origin.
fn city<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// An active member of `kind` with `roles`.
fn member<T: Config>(name: &'static str, kind: MemberKind, roles: &[Role]) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	T::Registry::register_for_benchmarks(&who, kind, roles);
	who
}

/// Hash number `n`.
fn hash(n: u32) -> H256 {
	let mut bytes = [0u8; 32];
	bytes[..4].copy_from_slice(&n.to_le_bytes());
	H256(bytes)
}

/// The benchmarks' schema, registered, with an issuer authorised and a staff delegate.
fn issuer_with_delegate<T: Config>() -> (T::AccountId, T::AccountId) {
	let issuer = member::<T>("issuer", MemberKind::CredentialIssuer, &[Role::CredentialIssuer]);
	let delegate = member::<T>("delegate", MemberKind::Citizen, &[]);
	Schemas::<T>::insert(
		hash(0),
		Schema {
			name: vec![b'n'; T::MaxNameLength::get() as usize]
				.try_into()
				.expect("the name is at its bound"),
			status: SchemaStatus::Active,
			registered_at: Zero::zero(),
		},
	);
	SchemaIssuers::<T>::insert(hash(0), &issuer, ());
	Delegates::<T>::insert(&issuer, &delegate, ());
	DelegateCount::<T>::insert(&issuer, 1);
	(issuer, delegate)
}

/// Credential `n` of the benchmarks' schema, attested by `issuer` to `subject`.
fn attested<T: Config>(n: u32, issuer: &T::AccountId, subject: &T::AccountId) -> H256 {
	Pallet::<T>::attest(
		RawOrigin::Signed(issuer.clone()).into(),
		issuer.clone(),
		hash(n),
		hash(0),
		subject.clone(),
		0,
		Some(u64::MAX),
	)
	.expect("the issuer is authorised");
	hash(n)
}

/// A holder that submitted one credential to a verifier (submission 0), and the verifier.
fn submitted<T: Config>() -> (T::AccountId, T::AccountId) {
	let (issuer, _) = issuer_with_delegate::<T>();
	let holder = member::<T>("holder", MemberKind::Citizen, &[]);
	let verifier = member::<T>("verifier", MemberKind::Employer, &[Role::Employer]);
	let credential = attested::<T>(1, &issuer, &holder);
	Pallet::<T>::submit(
		RawOrigin::Signed(holder.clone()).into(),
		verifier.clone(),
		vec![credential].try_into().expect("one credential fits"),
		hash(u32::MAX),
	)
	.expect("the holder submits its own credential");
	(holder, verifier)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_schema() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;
		let name = vec![b'n'; T::MaxNameLength::get() as usize];

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, hash(1), name);

		assert!(Schemas::<T>::contains_key(hash(1)));
		Ok(())
	}

	#[benchmark]
	fn deprecate_schema() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;
		issuer_with_delegate::<T>();

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, hash(0));

		assert_eq!(Schemas::<T>::get(hash(0)).map(|s| s.status), Some(SchemaStatus::Deprecated));
		Ok(())
	}

	#[benchmark]
	fn authorise_issuer() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;
		issuer_with_delegate::<T>();
		let other = member::<T>("other", MemberKind::CredentialIssuer, &[Role::CredentialIssuer]);

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, hash(0), other.clone());

		assert!(SchemaIssuers::<T>::contains_key(hash(0), other));
		Ok(())
	}

	#[benchmark]
	fn deauthorise_issuer() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;
		let (issuer, _) = issuer_with_delegate::<T>();

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, hash(0), issuer.clone());

		assert!(!SchemaIssuers::<T>::contains_key(hash(0), issuer));
		Ok(())
	}

	#[benchmark]
	fn add_delegate() {
		let (issuer, _) = issuer_with_delegate::<T>();
		let staff = member::<T>("staff", MemberKind::Citizen, &[]);

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()), staff.clone());

		assert!(Delegates::<T>::contains_key(issuer, staff));
	}

	#[benchmark]
	fn remove_delegate() {
		let (issuer, delegate) = issuer_with_delegate::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()), delegate.clone());

		assert!(!Delegates::<T>::contains_key(issuer, delegate));
	}

	#[benchmark]
	fn attest() {
		let (issuer, delegate) = issuer_with_delegate::<T>();
		let subject = member::<T>("subject", MemberKind::Citizen, &[]);

		#[extrinsic_call]
		_(RawOrigin::Signed(delegate), issuer, hash(1), hash(0), subject, 0, Some(u64::MAX));

		assert!(Attestations::<T>::contains_key(hash(1)));
	}

	#[benchmark]
	fn suspend() {
		let (issuer, delegate) = issuer_with_delegate::<T>();
		let subject = member::<T>("subject", MemberKind::Citizen, &[]);
		let credential = attested::<T>(1, &issuer, &subject);

		#[extrinsic_call]
		_(RawOrigin::Signed(delegate), credential);

		assert!(matches!(
			Attestations::<T>::get(credential).map(|c| c.status),
			Some(CredentialStatus::Suspended(_))
		));
	}

	#[benchmark]
	fn reinstate() {
		let (issuer, delegate) = issuer_with_delegate::<T>();
		let subject = member::<T>("subject", MemberKind::Citizen, &[]);
		let credential = attested::<T>(1, &issuer, &subject);
		Pallet::<T>::suspend(RawOrigin::Signed(issuer).into(), credential)
			.expect("the issuer suspends its credential");

		#[extrinsic_call]
		_(RawOrigin::Signed(delegate), credential);

		assert_eq!(
			Attestations::<T>::get(credential).map(|c| c.status),
			Some(CredentialStatus::Active)
		);
	}

	#[benchmark]
	fn revoke() {
		let (issuer, delegate) = issuer_with_delegate::<T>();
		let subject = member::<T>("subject", MemberKind::Citizen, &[]);
		let credential = attested::<T>(1, &issuer, &subject);

		#[extrinsic_call]
		_(RawOrigin::Signed(delegate), credential);

		assert!(matches!(
			Attestations::<T>::get(credential).map(|c| c.status),
			Some(CredentialStatus::Revoked(_))
		));
	}

	#[benchmark]
	fn submit(n: Linear<1, { T::MaxCredentialsPerSubmission::get() }>) {
		let (issuer, _) = issuer_with_delegate::<T>();
		let holder = member::<T>("holder", MemberKind::Citizen, &[]);
		let verifier = member::<T>("verifier", MemberKind::Employer, &[Role::Employer]);
		let credentials: Vec<_> = (1..=n).map(|i| attested::<T>(i, &issuer, &holder)).collect();
		let credentials: CredentialHashesOf<T> =
			credentials.try_into().expect("n is within the bound");

		#[extrinsic_call]
		_(RawOrigin::Signed(holder.clone()), verifier, credentials, hash(u32::MAX));

		assert!(Submissions::<T>::contains_key(holder, 0));
	}

	#[benchmark]
	fn acknowledge() {
		let (holder, verifier) = submitted::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(verifier), holder.clone(), 0);

		assert!(Submissions::<T>::get(holder, 0).is_some_and(|s| s.acknowledged_at.is_some()));
	}

	#[benchmark]
	fn remove_submission() {
		let (holder, _) = submitted::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(holder.clone()), 0);

		assert!(Submissions::<T>::get(&holder, 0).is_none());
		assert_eq!(SubmissionCount::<T>::get(&holder), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::ExtBuilder.build(), crate::mock::Test);
}
