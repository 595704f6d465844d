//! Authentication with a signed challenge, and the public record.

use crate::{mock::*, *};
use frame_support::assert_ok;
use sp_core::Pair;

/// `Timestamp` in the mock, in milliseconds.
const NOW: u64 = 1_000_000;

fn did(n: u8) -> String {
	String::from_utf8(Citizens::did(&account(n))).unwrap()
}

/// A challenge for `did` on the mock chain (genesis hash 0x4545…), expiring at `expires`.
fn challenge(did: &str, expires: u64) -> String {
	let genesis = System::block_hash(0);
	format!(
		"seoul-civic-auth:v1\nchain:0x{}\ndid:{did}\naudience:ward-office\nnonce:00112233445566778899\nexpires:{expires}",
		hex(genesis.as_ref())
	)
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn authenticate(n: u8, challenge: &str, signer: &sp_core::sr25519::Pair) -> AuthenticationVerdict {
	let signature = signer.sign(challenge.as_bytes());
	Citizens::authenticate(did(n).as_bytes(), challenge.as_bytes(), &signature.0)
}

#[test]
fn a_good_signature_of_an_active_member_is_authentic() {
	ExtBuilder::default().build_and_execute(|| {
		let text = challenge(&did(CITIZEN), NOW + 60_000);
		assert_eq!(authenticate(CITIZEN, &text, &pair(CITIZEN)), AuthenticationVerdict::Authentic);
		// As a wallet extension signs raw bytes.
		let wrapped = pair(CITIZEN).sign(format!("<Bytes>{text}</Bytes>").as_bytes());
		assert_eq!(
			Citizens::authenticate(did(CITIZEN).as_bytes(), text.as_bytes(), &wrapped.0),
			AuthenticationVerdict::Authentic
		);
	});
}

#[test]
fn an_added_ed25519_key_authenticates() {
	ExtBuilder::default().build_and_execute(|| {
		let card = sp_core::ed25519::Pair::from_seed(&[42; 32]);
		assert_ok!(Citizens::add_authentication_key(
			RuntimeOrigin::signed(account(CITIZEN)),
			AuthenticationKey::Ed25519(card.public().0)
		));
		let text = challenge(&did(CITIZEN), NOW + 60_000);
		let signature = card.sign(text.as_bytes());
		assert_eq!(
			Citizens::authenticate(did(CITIZEN).as_bytes(), text.as_bytes(), &signature.0),
			AuthenticationVerdict::Authentic
		);
	});
}

#[test]
fn wrong_keys_and_bad_challenges_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let good = challenge(&did(CITIZEN), NOW + 60_000);
		assert_eq!(
			authenticate(CITIZEN, &good, &pair(MERCHANT)),
			AuthenticationVerdict::BadSignature
		);
		assert_eq!(
			Citizens::authenticate(did(CITIZEN).as_bytes(), good.as_bytes(), &[0; 63]),
			AuthenticationVerdict::BadSignature
		);
		assert_eq!(
			authenticate(CITIZEN, &challenge(&did(CITIZEN), NOW), &pair(CITIZEN)),
			AuthenticationVerdict::Expired
		);
		assert_eq!(
			authenticate(CITIZEN, &challenge(&did(CITIZEN), NOW + 600_001), &pair(CITIZEN)),
			AuthenticationVerdict::ExpiryTooFar
		);
		assert_eq!(
			authenticate(CITIZEN, &challenge(&did(MERCHANT), NOW + 60_000), &pair(CITIZEN)),
			AuthenticationVerdict::WrongDid
		);
		let other_chain = good.replace(&hex(System::block_hash(0).as_ref()), &"00".repeat(32));
		assert_eq!(
			authenticate(CITIZEN, &other_chain, &pair(CITIZEN)),
			AuthenticationVerdict::WrongChain
		);
		assert_eq!(
			authenticate(CITIZEN, "hello", &pair(CITIZEN)),
			AuthenticationVerdict::MalformedChallenge
		);
		let stranger = challenge(&did(STRANGER), NOW + 60_000);
		assert_eq!(
			authenticate(STRANGER, &stranger, &pair(STRANGER)),
			AuthenticationVerdict::UnknownDid
		);
		assert_eq!(
			Citizens::authenticate(b"did:seoul:nonsense", good.as_bytes(), &[0; 64]),
			AuthenticationVerdict::MalformedDid
		);
	});
}

#[test]
fn suspended_and_revoked_members_do_not_authenticate() {
	ExtBuilder::default().build_and_execute(|| {
		let text = challenge(&did(CITIZEN), NOW + 60_000);
		assert_ok!(Citizens::suspend(RuntimeOrigin::root(), account(CITIZEN)));
		assert_eq!(authenticate(CITIZEN, &text, &pair(CITIZEN)), AuthenticationVerdict::Suspended);
		// A bad signature is reported as such even for a suspended member.
		assert_eq!(
			authenticate(CITIZEN, &text, &pair(MERCHANT)),
			AuthenticationVerdict::BadSignature
		);
		assert_ok!(Citizens::revoke(RuntimeOrigin::root(), account(CITIZEN)));
		assert_eq!(
			authenticate(CITIZEN, &text, &pair(CITIZEN)),
			AuthenticationVerdict::Deactivated
		);
	});
}

#[test]
fn rotated_keys_replace_the_lost_card() {
	ExtBuilder::default().build_and_execute(|| {
		let text = challenge(&did(CITIZEN), NOW + 60_000);
		assert_ok!(Citizens::rotate_authentication_keys(
			RuntimeOrigin::root(),
			account(CITIZEN),
			vec![key(77)]
		));
		assert_eq!(
			authenticate(CITIZEN, &text, &pair(CITIZEN)),
			AuthenticationVerdict::BadSignature
		);
		assert_eq!(authenticate(CITIZEN, &text, &pair(77)), AuthenticationVerdict::Authentic);
	});
}

#[test]
fn the_public_record_shows_the_register_document_and_quota() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Citizens::add_service(
			RuntimeOrigin::signed(account(MERCHANT)),
			b"shop".to_vec(),
			b"LinkedDomains".to_vec(),
			b"https://bakery.example".to_vec()
		));
		// The merchant used a unit of its quota in this period.
		frame_system::Account::<Test>::mutate(account(MERCHANT), |entry| {
			entry.data = QuotaUsage {
				period_start: 0,
				period_end: PERIOD,
				allowance: DEFAULT_ORGANISATION_QUOTA,
				used: 1,
			}
		});
		let record = Citizens::member_record(did(MERCHANT).as_bytes()).unwrap();
		assert_eq!(
			record,
			MemberRecord {
				did: did(MERCHANT).into_bytes(),
				account: account(MERCHANT),
				kind: MemberKind::Merchant,
				roles: vec![Role::Merchant],
				status: MemberStatus::Active,
				registered_at: 0,
				evidence_hash: evidence(MERCHANT),
				controller: account(MERCHANT),
				authentication: vec![key(MERCHANT)],
				services: vec![(
					b"shop".to_vec(),
					b"LinkedDomains".to_vec(),
					b"https://bakery.example".to_vec()
				)],
				deactivated: false,
				updated_at: 1,
				quota: QuotaStanding {
					allowance: DEFAULT_ORGANISATION_QUOTA,
					used: 1,
					remaining: DEFAULT_ORGANISATION_QUOTA - 1,
					resets_at: PERIOD
				},
				key_rotation_at: None,
			}
		);
		assert_eq!(Citizens::member_record(did(STRANGER).as_bytes()), None);
		assert_eq!(Citizens::member_record(b"did:seoul:"), None);
	});
}
