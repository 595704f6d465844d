//! # Credentials
//!
//! Paperless qualifications and certificates. A citizen holds a credential (a W3C Verifiable
//! Credential JSON document) that a university, an agency or a training institute issued; the
//! chain keeps only the credential's hash, who issued it to whom under which schema, its dates
//! and its status. Anyone verifies a credential online, without a transaction, through the
//! runtime API; the holder records on chain which credentials it submitted to whom, and why.
//!
//! ## Overview
//!
//! - **Schemas.** The city ([`Config::CityOrigin`]) registers a credential schema by the hash of
//!   its JSON Schema document with a short name, and authorises the organisations that may issue
//!   it: members holding [`Role::CredentialIssuer`]. A deprecated schema takes no new
//!   credentials; those attested stay verifiable.
//! - **Attestation.** An authorised issuer, or one of at most [`Config::MaxDelegates`] staff
//!   accounts it delegated, attests a credential: its hash (see the hashing rule below), its
//!   subject (the member whose DID is `credentialSubject.id`), its schema and its validity dates.
//!   A hash is attested once.
//! - **Status.** The issuer, its delegates or the city suspend, reinstate and revoke a credential.
//!   Revocation is final and keeps the record, so that a verifier learns "revoked", not
//!   "unknown"; expiry follows `validUntil` by the chain's clock.
//! - **Verification** ([`Pallet::verify`], [`runtime_api::CredentialsApi`]): a hash's verdict
//!   ([`Verdict`]: valid, suspended, revoked, expired, not yet valid or unknown) and its record,
//!   at any block.
//! - **Submission.** A holder submits up to [`Config::MaxCredentialsPerSubmission`] of its own
//!   credentials to a verifying organisation with the hash of the purpose; the signed extrinsic
//!   is the holder's consent. The verifier acknowledges receipt. A holder lists its submissions
//!   through the runtime API.
//!
//! A credential's hash is the BLAKE2b-256 hash of its JSON document canonicalised by the JSON
//! Canonicalization Scheme (RFC 8785), as `scripts/credential.sh hash` computes it
//! (`docs/CREDENTIALS.md`). No personal data is on chain: hashes, accounts, dates and statuses.
//!
//! ## Interface
//!
//! ### City calls ([`Config::CityOrigin`])
//! - [`Pallet::register_schema`], [`Pallet::deprecate_schema`], [`Pallet::authorise_issuer`],
//!   [`Pallet::deauthorise_issuer`]; and the issuer's status calls on any credential.
//!
//! ### Issuers (members holding [`Role::CredentialIssuer`]) and their delegates
//! - [`Pallet::add_delegate`], [`Pallet::remove_delegate`] (the issuer itself).
//! - [`Pallet::attest`], [`Pallet::suspend`], [`Pallet::reinstate`], [`Pallet::revoke`].
//!
//! ### Holders and verifiers
//! - [`Pallet::submit`] (the credentials' subject), [`Pallet::acknowledge`] (the verifier).
//!
//! ### Runtime API
//! - [`runtime_api::CredentialsApi`]: verify a hash, read a schema, list a holder's submissions.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use seoul_primitives::membership::{MemberKind, MemberRegistry, Role};
pub use seoul_primitives::{Page, MAX_PAGE_SIZE};
pub use types::{
	Credential, CredentialStatus, Schema, SchemaStatus, Submission, SubmissionId, Verdict,
	Verification,
};
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::traits::UnixTime;

/// The credentials pallet.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_core::H256;

	/// Default configuration for tests, so that mocks only name what they change.
	pub mod config_preludes {
		use super::*;
		use frame_support::derive_impl;

		/// Test defaults: small bounds, so that tests reach them.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxNameLength = ConstU32<32>;
			type MaxDelegates = ConstU32<2>;
			type MaxCredentialsPerSubmission = ConstU32<3>;
			type MaxSubmissionsPerHolder = ConstU32<8>;
			type WeightInfo = ();
		}
	}

	/// Configuration of the credentials pallet.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The city: registers and deprecates schemas, authorises issuers, and may suspend,
		/// reinstate or revoke any credential.
		#[pallet::no_default]
		type CityOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The Citizens Card register: who is an active member and who holds the
		/// credential-issuer role.
		#[pallet::no_default]
		type Registry: MemberRegistry<Self::AccountId>;

		/// The clock credentials expire by.
		#[pallet::no_default]
		type UnixTime: UnixTime;

		/// Longest schema name, in bytes of UTF-8.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Most staff accounts an issuer may delegate attestation to.
		#[pallet::constant]
		type MaxDelegates: Get<u32>;

		/// Most credentials in one submission.
		#[pallet::constant]
		type MaxCredentialsPerSubmission: Get<u32>;

		/// Most submissions a holder keeps; it removes old ones to make room.
		#[pallet::constant]
		type MaxSubmissionsPerHolder: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// A schema in this runtime.
	pub type SchemaOf<T> = Schema<BlockNumberFor<T>, <T as Config>::MaxNameLength>;

	/// A credential in this runtime.
	pub type CredentialOf<T> =
		Credential<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	/// A submission in this runtime.
	pub type SubmissionOf<T> = Submission<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxCredentialsPerSubmission,
	>;

	/// The credential hashes of a submission in this runtime.
	pub type CredentialHashesOf<T> = BoundedVec<H256, <T as Config>::MaxCredentialsPerSubmission>;

	/// The storage layout version; `migrations` moves a chain from each version to the next.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The registered schemas, by the hash of their JSON Schema document. Blake2, because the
	/// hashes are the city's input, and a hasher the input cannot steer keeps the trie balanced.
	#[pallet::storage]
	pub type Schemas<T: Config> = StorageMap<_, Blake2_128Concat, H256, SchemaOf<T>>;

	/// Which organisations the city authorised to issue each schema.
	#[pallet::storage]
	pub type SchemaIssuers<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		H256,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
	>;

	/// The staff accounts each issuer delegated attestation to.
	#[pallet::storage]
	pub type Delegates<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
	>;

	/// How many delegates each issuer has, to keep within `MaxDelegates`.
	#[pallet::storage]
	pub type DelegateCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Every attested credential, by its hash; kept after revocation.
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageMap<_, Blake2_128Concat, H256, CredentialOf<T>>;

	/// Each holder's submissions, by holder and number.
	#[pallet::storage]
	pub type Submissions<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		SubmissionId,
		SubmissionOf<T>,
		OptionQuery,
	>;

	/// The number each holder's next submission gets.
	#[pallet::storage]
	pub type NextSubmissionId<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SubmissionId, ValueQuery>;

	/// How many submissions each holder keeps, at most [`Config::MaxSubmissionsPerHolder`].
	#[pallet::storage]
	pub type SubmissionCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The city registered a schema.
		SchemaRegistered { schema: H256, name: BoundedVec<u8, T::MaxNameLength> },
		/// The city deprecated a schema: no new credentials of it.
		SchemaDeprecated { schema: H256 },
		/// The city authorised an organisation to issue a schema.
		IssuerAuthorised { schema: H256, issuer: T::AccountId },
		/// The city withdrew an organisation's authorisation to issue a schema.
		IssuerDeauthorised { schema: H256, issuer: T::AccountId },
		/// An issuer delegated attestation to a staff account.
		DelegateAdded { issuer: T::AccountId, delegate: T::AccountId },
		/// An issuer withdrew a staff account's delegation.
		DelegateRemoved { issuer: T::AccountId, delegate: T::AccountId },
		/// A credential was attested.
		Attested {
			credential: H256,
			issuer: T::AccountId,
			attester: T::AccountId,
			subject: T::AccountId,
			schema: H256,
		},
		/// A credential was suspended; `by` is `None` when the city did it.
		Suspended { credential: H256, by: Option<T::AccountId> },
		/// A suspended credential was reinstated.
		Reinstated { credential: H256, by: Option<T::AccountId> },
		/// A credential was revoked, for good.
		Revoked { credential: H256, by: Option<T::AccountId> },
		/// A holder submitted credentials to a verifier.
		Submitted {
			holder: T::AccountId,
			submission: SubmissionId,
			verifier: T::AccountId,
			purpose_hash: H256,
		},
		/// A verifier acknowledged receipt of a submission.
		Acknowledged { holder: T::AccountId, submission: SubmissionId, verifier: T::AccountId },
		/// A holder removed one of its submissions.
		SubmissionRemoved { holder: T::AccountId, submission: SubmissionId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A schema with this hash is registered already.
		SchemaExists,
		/// No schema has this hash.
		UnknownSchema,
		/// The schema is deprecated.
		SchemaDeprecated,
		/// The name is empty, too long or not UTF-8.
		BadName,
		/// The account does not hold the credential-issuer role.
		NotCredentialIssuer,
		/// The organisation is authorised for this schema already.
		AlreadyAuthorised,
		/// The account may not issue this schema, nor act for the issuer of this credential.
		NotAuthorised,
		/// The account is a delegate of this issuer already.
		AlreadyDelegate,
		/// The account is not a delegate of this issuer.
		NotDelegate,
		/// The issuer has `MaxDelegates` delegates.
		TooManyDelegates,
		/// The account is not an active member.
		NotMember,
		/// A credential with this hash was attested already.
		AlreadyAttested,
		/// `valid_until` is not after `valid_from`.
		BadValidity,
		/// No credential has this hash.
		UnknownCredential,
		/// The credential is revoked.
		CredentialRevoked,
		/// The credential is suspended already.
		AlreadySuspended,
		/// The credential is not suspended.
		NotSuspended,
		/// The caller is not the subject of the credential.
		NotSubject,
		/// A submission holds no credential.
		NoCredentials,
		/// The holder keeps `MaxSubmissionsPerHolder` submissions already; remove old ones first.
		TooManySubmissions,
		/// A submission names a credential twice.
		DuplicateCredential,
		/// The verifier is not an active organisation, or the caller is not the submission's
		/// verifier.
		NotVerifier,
		/// The holder has no submission with this number.
		UnknownSubmission,
		/// The submission was acknowledged already.
		AlreadyAcknowledged,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxNameLength::get() > 0, "schema names must have room for a byte");
			assert!(
				T::MaxCredentialsPerSubmission::get() > 0,
				"a submission must hold at least one credential"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers the schema whose JSON Schema document hashes to `schema`, under `name`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_schema())]
		pub fn register_schema(
			origin: OriginFor<T>,
			schema: H256,
			name: Vec<u8>,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let name: BoundedVec<u8, T::MaxNameLength> =
				seoul_primitives::bounded_name(name).ok_or(Error::<T>::BadName)?;
			ensure!(!Schemas::<T>::contains_key(schema), Error::<T>::SchemaExists);
			Schemas::<T>::insert(
				schema,
				Schema {
					name: name.clone(),
					status: SchemaStatus::Active,
					registered_at: frame_system::Pallet::<T>::block_number(),
				},
			);
			Self::deposit_event(Event::SchemaRegistered { schema, name });
			Ok(())
		}

		/// Deprecates a schema: no new credentials of it; those attested stay verifiable.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::deprecate_schema())]
		pub fn deprecate_schema(origin: OriginFor<T>, schema: H256) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			Schemas::<T>::try_mutate(schema, |entry| {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownSchema)?;
				ensure!(entry.status == SchemaStatus::Active, Error::<T>::SchemaDeprecated);
				entry.status = SchemaStatus::Deprecated;
				Self::deposit_event(Event::SchemaDeprecated { schema });
				Ok(())
			})
		}

		/// Authorises `issuer`, a member holding the credential-issuer role, to issue `schema`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::authorise_issuer())]
		pub fn authorise_issuer(
			origin: OriginFor<T>,
			schema: H256,
			issuer: T::AccountId,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let entry = Schemas::<T>::get(schema).ok_or(Error::<T>::UnknownSchema)?;
			ensure!(entry.status == SchemaStatus::Active, Error::<T>::SchemaDeprecated);
			ensure!(
				T::Registry::has_role(&issuer, Role::CredentialIssuer),
				Error::<T>::NotCredentialIssuer
			);
			ensure!(
				!SchemaIssuers::<T>::contains_key(schema, &issuer),
				Error::<T>::AlreadyAuthorised
			);
			SchemaIssuers::<T>::insert(schema, &issuer, ());
			Self::deposit_event(Event::IssuerAuthorised { schema, issuer });
			Ok(())
		}

		/// Withdraws `issuer`'s authorisation to issue `schema`; its credentials stay as they are.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::deauthorise_issuer())]
		pub fn deauthorise_issuer(
			origin: OriginFor<T>,
			schema: H256,
			issuer: T::AccountId,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			ensure!(SchemaIssuers::<T>::take(schema, &issuer).is_some(), Error::<T>::NotAuthorised);
			Self::deposit_event(Event::IssuerDeauthorised { schema, issuer });
			Ok(())
		}

		/// Lets `delegate`, an active member (a staff account), attest and change the status of
		/// credentials on the caller's behalf. The caller must hold the credential-issuer role.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::add_delegate())]
		pub fn add_delegate(origin: OriginFor<T>, delegate: T::AccountId) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			ensure!(
				T::Registry::has_role(&issuer, Role::CredentialIssuer),
				Error::<T>::NotCredentialIssuer
			);
			ensure!(T::Registry::is_active(&delegate), Error::<T>::NotMember);
			ensure!(!Delegates::<T>::contains_key(&issuer, &delegate), Error::<T>::AlreadyDelegate);
			let count = DelegateCount::<T>::get(&issuer);
			ensure!(count < T::MaxDelegates::get(), Error::<T>::TooManyDelegates);
			Delegates::<T>::insert(&issuer, &delegate, ());
			DelegateCount::<T>::insert(&issuer, count + 1);
			Self::deposit_event(Event::DelegateAdded { issuer, delegate });
			Ok(())
		}

		/// Withdraws a delegation the caller gave.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_delegate())]
		pub fn remove_delegate(origin: OriginFor<T>, delegate: T::AccountId) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			ensure!(Delegates::<T>::take(&issuer, &delegate).is_some(), Error::<T>::NotDelegate);
			DelegateCount::<T>::mutate_exists(&issuer, |count| {
				*count = count.and_then(|count| count.checked_sub(1)).filter(|count| *count > 0);
			});
			Self::deposit_event(Event::DelegateRemoved { issuer, delegate });
			Ok(())
		}

		/// Attests the credential whose hash is `credential`, issued by `issuer` under `schema`
		/// to `subject`, valid from `valid_from` until `valid_until` (milliseconds since the Unix
		/// epoch). Signed by the issuer or one of its delegates.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::attest())]
		pub fn attest(
			origin: OriginFor<T>,
			issuer: T::AccountId,
			credential: H256,
			schema: H256,
			subject: T::AccountId,
			valid_from: u64,
			valid_until: Option<u64>,
		) -> DispatchResult {
			let attester = ensure_signed(origin)?;
			Self::ensure_acts_for(&attester, &issuer)?;
			let entry = Schemas::<T>::get(schema).ok_or(Error::<T>::UnknownSchema)?;
			ensure!(entry.status == SchemaStatus::Active, Error::<T>::SchemaDeprecated);
			ensure!(SchemaIssuers::<T>::contains_key(schema, &issuer), Error::<T>::NotAuthorised);
			ensure!(T::Registry::is_active(&subject), Error::<T>::NotMember);
			ensure!(valid_until.is_none_or(|until| until > valid_from), Error::<T>::BadValidity);
			ensure!(!Attestations::<T>::contains_key(credential), Error::<T>::AlreadyAttested);
			Attestations::<T>::insert(
				credential,
				Credential {
					schema,
					issuer: issuer.clone(),
					attester: attester.clone(),
					subject: subject.clone(),
					valid_from,
					valid_until,
					attested_at: frame_system::Pallet::<T>::block_number(),
					status: CredentialStatus::Active,
				},
			);
			Self::deposit_event(Event::Attested { credential, issuer, attester, subject, schema });
			Ok(())
		}

		/// Suspends a credential until it is reinstated. Its issuer, a delegate of its issuer, or
		/// the city.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(origin: OriginFor<T>, credential: H256) -> DispatchResult {
			let (mut record, by) = Self::credential_for_status_change(origin, credential)?;
			ensure!(record.status == CredentialStatus::Active, Error::<T>::AlreadySuspended);
			record.status = CredentialStatus::Suspended(frame_system::Pallet::<T>::block_number());
			Attestations::<T>::insert(credential, record);
			Self::deposit_event(Event::Suspended { credential, by });
			Ok(())
		}

		/// Reinstates a suspended credential. Its issuer, a delegate of its issuer, or the city.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::reinstate())]
		pub fn reinstate(origin: OriginFor<T>, credential: H256) -> DispatchResult {
			let (mut record, by) = Self::credential_for_status_change(origin, credential)?;
			ensure!(
				matches!(record.status, CredentialStatus::Suspended(_)),
				Error::<T>::NotSuspended
			);
			record.status = CredentialStatus::Active;
			Attestations::<T>::insert(credential, record);
			Self::deposit_event(Event::Reinstated { credential, by });
			Ok(())
		}

		/// Revokes a credential for good, keeping its record. Its issuer, a delegate of its
		/// issuer, or the city.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(origin: OriginFor<T>, credential: H256) -> DispatchResult {
			let (mut record, by) = Self::credential_for_status_change(origin, credential)?;
			record.status = CredentialStatus::Revoked(frame_system::Pallet::<T>::block_number());
			Attestations::<T>::insert(credential, record);
			Self::deposit_event(Event::Revoked { credential, by });
			Ok(())
		}

		/// Submits the caller's credentials `credentials` to `verifier`, an active organisation,
		/// for the purpose whose hash is `purpose_hash`: the caller's consent, recorded.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::submit(credentials.len() as u32))]
		pub fn submit(
			origin: OriginFor<T>,
			verifier: T::AccountId,
			credentials: CredentialHashesOf<T>,
			purpose_hash: H256,
		) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			ensure!(!credentials.is_empty(), Error::<T>::NoCredentials);
			let kept = SubmissionCount::<T>::get(&holder);
			ensure!(kept < T::MaxSubmissionsPerHolder::get(), Error::<T>::TooManySubmissions);
			ensure!(
				T::Registry::active_kind(&verifier).is_some_and(MemberKind::is_organisation),
				Error::<T>::NotVerifier
			);
			for (index, hash) in credentials.iter().enumerate() {
				ensure!(!credentials[..index].contains(hash), Error::<T>::DuplicateCredential);
				let record = Attestations::<T>::get(hash).ok_or(Error::<T>::UnknownCredential)?;
				ensure!(record.subject == holder, Error::<T>::NotSubject);
				ensure!(
					!matches!(record.status, CredentialStatus::Revoked(_)),
					Error::<T>::CredentialRevoked
				);
			}
			let submission = NextSubmissionId::<T>::get(&holder);
			Submissions::<T>::insert(
				&holder,
				submission,
				Submission {
					verifier: verifier.clone(),
					credentials,
					purpose_hash,
					submitted_at: frame_system::Pallet::<T>::block_number(),
					acknowledged_at: None,
				},
			);
			NextSubmissionId::<T>::insert(&holder, submission.saturating_add(1));
			SubmissionCount::<T>::insert(&holder, kept.saturating_add(1));
			Self::deposit_event(Event::Submitted { holder, submission, verifier, purpose_hash });
			Ok(())
		}

		/// Acknowledges receipt of `holder`'s submission `submission`. Its verifier only.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::acknowledge())]
		pub fn acknowledge(
			origin: OriginFor<T>,
			holder: T::AccountId,
			submission: SubmissionId,
		) -> DispatchResult {
			let verifier = ensure_signed(origin)?;
			Submissions::<T>::try_mutate(&holder, submission, |entry| {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownSubmission)?;
				ensure!(entry.verifier == verifier, Error::<T>::NotVerifier);
				ensure!(entry.acknowledged_at.is_none(), Error::<T>::AlreadyAcknowledged);
				entry.acknowledged_at = Some(frame_system::Pallet::<T>::block_number());
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::Acknowledged { holder, submission, verifier });
			Ok(())
		}

		/// Removes the signer's submission `submission`, acknowledged or not, to make room for
		/// new ones: a holder keeps at most [`Config::MaxSubmissionsPerHolder`]. The `Submitted`
		/// and `Acknowledged` events stay in the chain's history.
		///
		/// Origin: signed by the submission's holder. Emits [`Event::SubmissionRemoved`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::remove_submission())]
		pub fn remove_submission(origin: OriginFor<T>, submission: SubmissionId) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Submissions::<T>::take(&holder, submission).ok_or(Error::<T>::UnknownSubmission)?;
			SubmissionCount::<T>::mutate_exists(&holder, |count| {
				*count = count.map(|kept| kept.saturating_sub(1)).filter(|kept| *kept > 0)
			});
			Self::deposit_event(Event::SubmissionRemoved { holder, submission });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Passes if `who` is `issuer`, holding the credential-issuer role, or one of its
		/// delegates, still an active member, while the issuer holds it.
		fn ensure_acts_for(who: &T::AccountId, issuer: &T::AccountId) -> DispatchResult {
			let delegated =
				|| Delegates::<T>::contains_key(issuer, who) && T::Registry::is_active(who);
			ensure!(
				(who == issuer || delegated())
					&& T::Registry::has_role(issuer, Role::CredentialIssuer),
				Error::<T>::NotAuthorised
			);
			Ok(())
		}

		/// The record of `credential` if `origin` may change its status: the city (`None`), or
		/// its issuer or one of the issuer's delegates. A revoked credential changes no more.
		fn credential_for_status_change(
			origin: OriginFor<T>,
			credential: H256,
		) -> Result<(CredentialOf<T>, Option<T::AccountId>), DispatchError> {
			let by = match T::CityOrigin::try_origin(origin) {
				Ok(_) => None,
				Err(origin) => Some(ensure_signed(origin)?),
			};
			let record = Attestations::<T>::get(credential).ok_or(Error::<T>::UnknownCredential)?;
			if let Some(who) = &by {
				Self::ensure_acts_for(who, &record.issuer)?;
			}
			ensure!(
				!matches!(record.status, CredentialStatus::Revoked(_)),
				Error::<T>::CredentialRevoked
			);
			Ok((record, by))
		}

		/// The schema registered under `schema`, if any.
		pub fn schema(schema: H256) -> Option<SchemaOf<T>> {
			Schemas::<T>::get(schema)
		}

		/// The verdict on `credential` now, by the chain's clock, with its record.
		pub fn verify(credential: H256) -> Verification<T::AccountId, BlockNumberFor<T>> {
			let Some(record) = Attestations::<T>::get(credential) else {
				return Verification { verdict: Verdict::Unknown, credential: None };
			};
			let now = T::UnixTime::now().as_millis() as u64;
			let verdict = match record.status {
				CredentialStatus::Revoked(_) => Verdict::Revoked,
				CredentialStatus::Suspended(_) => Verdict::Suspended,
				CredentialStatus::Active if now < record.valid_from => Verdict::NotYetValid,
				CredentialStatus::Active
					if record.valid_until.is_some_and(|until| now >= until) =>
				{
					Verdict::Expired
				}
				CredentialStatus::Active => Verdict::Valid,
			};
			Verification { verdict, credential: Some(record) }
		}

		/// Up to `limit` (at most [`MAX_PAGE_SIZE`]) of `holder`'s submissions after number
		/// `start` (the previous page's `next`; `None` for the first page), in order. Reads at
		/// most `limit` entries, however many submissions there are.
		pub fn submissions_of(
			holder: &T::AccountId,
			start: Option<SubmissionId>,
			limit: u32,
		) -> Page<SubmissionId, SubmissionOf<T>> {
			Page::numbered(start, limit, NextSubmissionId::<T>::get(holder), |id| {
				Submissions::<T>::get(holder, id)
			})
		}

		/// Checks the pallet's invariants: each issuer's delegate count matches its delegates and
		/// its bound, every credential's schema is registered, and every submission's number is
		/// below its holder's next.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let mut counts = alloc::collections::BTreeMap::<T::AccountId, u32>::new();
			for (issuer, _, ()) in Delegates::<T>::iter() {
				*counts.entry(issuer).or_default() += 1;
			}
			for (issuer, count) in &counts {
				ensure!(
					DelegateCount::<T>::get(issuer) == *count,
					"an issuer's delegate count is wrong"
				);
				ensure!(*count <= T::MaxDelegates::get(), "an issuer has too many delegates");
			}
			ensure!(
				DelegateCount::<T>::iter().count() == counts.len(),
				"a delegate count has no delegates"
			);
			for (_, credential) in Attestations::<T>::iter() {
				ensure!(
					Schemas::<T>::contains_key(credential.schema),
					"a credential's schema is not registered"
				);
			}
			let mut kept = alloc::collections::BTreeMap::<T::AccountId, u32>::new();
			for (holder, id, _) in Submissions::<T>::iter() {
				ensure!(id < NextSubmissionId::<T>::get(&holder), "a submission's number is ahead");
				*kept.entry(holder).or_default() += 1;
			}
			ensure!(
				SubmissionCount::<T>::iter()
					.all(|(holder, count)| kept.get(&holder) == Some(&count))
					&& SubmissionCount::<T>::iter_keys().count() == kept.len(),
				"submission counts do not match the submissions"
			);
			ensure!(
				kept.values().all(|count| *count <= T::MaxSubmissionsPerHolder::get()),
				"a holder keeps too many submissions"
			);
			Ok(())
		}
	}
}
