//! The payment request a merchant signs and the QR code that carries it.
//!
//! ## The signed message
//!
//! A merchant signs, with the key of its account (sr25519, ed25519 or ECDSA, as
//! `MultiSignature`), the bytes
//!
//! ```text
//! "seoul-scoin/payment-request/v1" ++ genesis_hash ++ SCALE(PaymentRequest)
//! ```
//!
//! where `genesis_hash` is the 32-byte hash of the chain's block 0, so that a request made for a
//! test network cannot be paid on the city's, and `SCALE(PaymentRequest)` is the merchant's
//! account (32 bytes), the amount in planck (`u128`, little endian), the order reference
//! (compact length, then its bytes), the expiry block (`u32`, little endian) and the nonce
//! (`u64`, little endian).
//!
//! ## The QR payload
//!
//! The QR code holds one line of text, a URI whose query keys come in this order:
//!
//! ```text
//! scoin:pay?v=1&merchant=<SS58 address>&amount=<planck>&order=<reference>&expiry=<block>&nonce=<u64>&sig=<0x hex of the SCALE-encoded MultiSignature>
//! ```
//!
//! The order reference's alphabet (`A-Z a-z 0-9 - . _ ~`) needs no percent-encoding, so the
//! payload is read by splitting on `&` and `=`. `scripts/scoin-qr.sh` makes, draws and parses
//! such payloads; a wallet parses one, shows the merchant's ZeroPay registration and the amount,
//! and submits `SCoin.pay` with the request and the signature.

use crate::types::PaymentRequest;
use alloc::vec::Vec;
use codec::Encode;
use sp_core::Get;

/// The prefix of every signed payment request: the domain, so that a merchant's signature over
/// a payment request can never be taken for a signature over anything else.
pub const PAYMENT_REQUEST_CONTEXT: &[u8] = b"seoul-scoin/payment-request/v1";

/// The bytes a merchant signs for `request` on the chain whose block 0 is `genesis_hash`.
pub fn signing_payload<AccountId, Balance, BlockNumber, MaxOrderReferenceLength>(
	genesis_hash: &[u8],
	request: &PaymentRequest<AccountId, Balance, BlockNumber, MaxOrderReferenceLength>,
) -> Vec<u8>
where
	AccountId: Encode + Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Encode + Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Encode + Clone + PartialEq + Eq + core::fmt::Debug,
	MaxOrderReferenceLength: Get<u32>,
{
	let mut payload = PAYMENT_REQUEST_CONTEXT.to_vec();
	payload.extend_from_slice(genesis_hash);
	request.encode_to(&mut payload);
	payload
}
