//! Unit tests, split by topic.

mod claims;
mod connections;
mod fuzz;
mod well_known;

use crate::{mock::*, *};

/// `peer(n)` as a stored PeerId.
pub fn stored(n: u8) -> PeerIdOf<Test> {
	peer(n).try_into().expect("within the bound")
}

/// The well-known list, as stored PeerIds.
pub fn well_known() -> Vec<PeerIdOf<Test>> {
	WellKnownNodes::<Test>::get().into_iter().collect()
}
