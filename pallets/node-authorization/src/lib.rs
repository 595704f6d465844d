//! # Node authorisation
//!
//! Which nodes may join the city's network. Every node runs this pallet's offchain worker (the
//! node forces it on every chain but `--dev`), which tells the node's network layer the peers it
//! may talk to; any other peer is refused at the connection.
//!
//! ## Overview
//!
//! - **Well-known nodes.** The city ([`Config::CityOrigin`]) lists the network's nodes, each with
//!   an owner: validators, the city's RPC and archive nodes. Well-known nodes talk to each other.
//! - **Claims and connections.** A validator operator (an active member of kind
//!   [`MemberKind::ValidatorOperator`]) may claim a node of its own, at most
//!   [`Config::MaxNodesPerOwner`]; the owner of a node, claimed or well known, lets other nodes
//!   (a sentry, a backup) connect to it with [`Pallet::add_connections`], at most
//!   [`Config::MaxConnections`] per node, each a PeerId of at most [`Config::MaxPeerIdLength`]
//!   bytes. No other member may touch the list.
//! - **A node becoming well known drops what its claimer added.** If someone claimed a PeerId
//!   before the city lists it, the claimer's connections are removed
//!   ([`Event::ConnectionsDropped`]), so that a member cannot slip its own peer in by claiming a
//!   PeerId the council is about to list.
//!
//! Why our own pallet and not polkadot-sdk's `pallet-node-authorization`, whose calls and events
//! this one keeps: upstream lets every signed account claim nodes and stores connection lists of
//! any size for a flat weight, keeps a claimer's connections when the node becomes well known,
//! and has no storage bounds (`without_storage_info`); none of that is configurable.
//!
//! ## Interface
//!
//! ### City calls ([`Config::CityOrigin`])
//! - [`Pallet::add_well_known_node`], [`Pallet::remove_well_known_node`],
//!   [`Pallet::swap_well_known_node`], [`Pallet::reset_well_known_nodes`].
//!
//! ### Operator calls (signed)
//! - [`Pallet::claim_node`] (a validator operator), [`Pallet::remove_claim`],
//!   [`Pallet::transfer_node`] (to a validator operator), [`Pallet::add_connections`],
//!   [`Pallet::remove_connections`] (the node's owner).
//!
//! ### Storage
//! - [`WellKnownNodes`], [`Owners`], [`AdditionalConnections`], [`NodesOwned`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet::*;
pub use seoul_primitives::membership::{MemberKind, MemberRegistry};
pub use weights::WeightInfo;

use alloc::vec::Vec;
use sp_core::OpaquePeerId;

/// Log target of this pallet.
const LOG_TARGET: &str = "runtime::node-authorization";

/// The city's node list.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// The storage layout's version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// Default configuration for tests, so that mocks only name what they change.
	pub mod config_preludes {
		use super::*;
		use frame_support::derive_impl;

		/// Test defaults: the runtime's bounds, smaller.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxWellKnownNodes = ConstU32<8>;
			type MaxPeerIdLength = ConstU32<64>;
			type MaxConnections = ConstU32<4>;
			type MaxNodesPerOwner = ConstU32<2>;
			type WeightInfo = ();
		}
	}

	/// Configuration of the node list.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The city: lists, removes and swaps well-known nodes.
		#[pallet::no_default]
		type CityOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The Citizens Card register, which says who is a validator operator.
		#[pallet::no_default]
		type Registry: MemberRegistry<Self::AccountId>;

		/// Most well-known nodes.
		#[pallet::constant]
		type MaxWellKnownNodes: Get<u32>;

		/// Longest PeerId, in bytes (an ed25519 node key's is 38).
		#[pallet::constant]
		type MaxPeerIdLength: Get<u32>;

		/// Most other nodes allowed to connect to one node.
		#[pallet::constant]
		type MaxConnections: Get<u32>;

		/// Most nodes one owner may hold by claiming; the city's listing is not bounded by it.
		#[pallet::constant]
		type MaxNodesPerOwner: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// A node's libp2p PeerId, as bytes.
	pub type PeerIdOf<T> = BoundedVec<u8, <T as Config>::MaxPeerIdLength>;

	/// The nodes allowed to connect to one node.
	pub type ConnectionsOf<T> = BoundedBTreeSet<PeerIdOf<T>, <T as Config>::MaxConnections>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The nodes the city listed; they talk to each other.
	#[pallet::storage]
	pub type WellKnownNodes<T: Config> =
		StorageValue<_, BoundedBTreeSet<PeerIdOf<T>, T::MaxWellKnownNodes>, ValueQuery>;

	/// Each listed or claimed node's owner. Blake2: PeerIds are chosen by their holders.
	#[pallet::storage]
	pub type Owners<T: Config> = StorageMap<_, Blake2_128Concat, PeerIdOf<T>, T::AccountId>;

	/// The other nodes a node's owner lets connect to it.
	#[pallet::storage]
	pub type AdditionalConnections<T: Config> =
		StorageMap<_, Blake2_128Concat, PeerIdOf<T>, ConnectionsOf<T>, ValueQuery>;

	/// How many nodes each account owns, listed or claimed.
	#[pallet::storage]
	pub type NodesOwned<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The nodes the network starts with.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Well-known nodes as (PeerId bytes, owner).
		pub nodes: Vec<(Vec<u8>, T::AccountId)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let nodes = self
				.nodes
				.iter()
				.map(|(node, owner)| {
					let node = Pallet::<T>::peer_id(node.clone())
						.expect("genesis PeerIds are within the bound");
					(node, owner.clone())
				})
				.collect::<Vec<_>>();
			Pallet::<T>::do_reset(nodes).expect("genesis nodes are within the bound");
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The city listed a node.
		NodeAdded { peer_id: PeerIdOf<T>, who: T::AccountId },
		/// The city removed a node from the list.
		NodeRemoved { peer_id: PeerIdOf<T> },
		/// The city replaced a listed node by another.
		NodeSwapped { removed: PeerIdOf<T>, added: PeerIdOf<T> },
		/// The city replaced the whole list.
		NodesReset { nodes: Vec<(PeerIdOf<T>, T::AccountId)> },
		/// An operator claimed a node.
		NodeClaimed { peer_id: PeerIdOf<T>, who: T::AccountId },
		/// An owner gave up its claim.
		ClaimRemoved { peer_id: PeerIdOf<T>, who: T::AccountId },
		/// An owner handed a node to another operator.
		NodeTransferred { peer_id: PeerIdOf<T>, target: T::AccountId },
		/// An owner let other nodes connect to its node.
		ConnectionsAdded { peer_id: PeerIdOf<T>, allowed_connections: Vec<PeerIdOf<T>> },
		/// An owner stopped letting nodes connect to its node.
		ConnectionsRemoved { peer_id: PeerIdOf<T>, allowed_connections: Vec<PeerIdOf<T>> },
		/// A node became well known; the connections its previous owner added were dropped.
		ConnectionsDropped { peer_id: PeerIdOf<T>, previous_owner: T::AccountId, dropped: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A PeerId is empty or longer than `MaxPeerIdLength`.
		BadPeerId,
		/// The list is full (`MaxWellKnownNodes`).
		TooManyNodes,
		/// The node is listed already.
		AlreadyJoined,
		/// The node is not listed.
		NotExist,
		/// The node has an owner already.
		AlreadyClaimed,
		/// Nobody owns the node.
		NotClaimed,
		/// The signer does not own the node.
		NotOwner,
		/// A listed node's claim can only be removed by the city, by unlisting it.
		PermissionDenied,
		/// Only an active validator operator may claim a node or receive one.
		NotOperator,
		/// The node would allow more than `MaxConnections` connections.
		TooManyConnections,
		/// The owner holds `MaxNodesPerOwner` nodes already.
		TooManyNodesOwned,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn offchain_worker(now: BlockNumberFor<T>) {
			let Ok(state) = sp_io::offchain::network_state() else {
				log::error!(target: LOG_TARGET, "no network state at block {now:?}");
				return;
			};
			match Self::own_peer_id(&state.peer_id.0) {
				Some(node) => sp_io::offchain::set_authorized_nodes(
					Self::authorized_nodes(&node).into_iter().map(OpaquePeerId).collect(),
					true,
				),
				// A node whose own PeerId could never be listed is authorised for nobody.
				None => sp_io::offchain::set_authorized_nodes(Vec::new(), true),
			}
		}

		fn integrity_test() {
			assert!(T::MaxPeerIdLength::get() >= 38, "an ed25519 node key's PeerId must fit");
			assert!(T::MaxWellKnownNodes::get() > 0, "the network needs a node");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Lists `node`, owned by `owner`. Connections that a previous claimer of `node` added
		/// are dropped.
		///
		/// Origin: [`Config::CityOrigin`]. Emits [`Event::NodeAdded`], and
		/// [`Event::ConnectionsDropped`] if a claimer's connections were dropped.
		#[pallet::call_index(0)]
		#[pallet::weight((T::WeightInfo::add_well_known_node(), DispatchClass::Operational))]
		pub fn add_well_known_node(
			origin: OriginFor<T>,
			node: Vec<u8>,
			owner: T::AccountId,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let node = Self::peer_id(node)?;
			let mut nodes = WellKnownNodes::<T>::get();
			ensure!(!nodes.contains(&node), Error::<T>::AlreadyJoined);
			nodes.try_insert(node.clone()).map_err(|_| Error::<T>::TooManyNodes)?;
			WellKnownNodes::<T>::put(nodes);
			Self::set_owner(&node, &owner);
			Self::deposit_event(Event::NodeAdded { peer_id: node, who: owner });
			Ok(())
		}

		/// Removes `node` from the list, with its owner and connections.
		///
		/// Origin: [`Config::CityOrigin`]. Emits [`Event::NodeRemoved`].
		#[pallet::call_index(1)]
		#[pallet::weight((T::WeightInfo::remove_well_known_node(), DispatchClass::Operational))]
		pub fn remove_well_known_node(origin: OriginFor<T>, node: Vec<u8>) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let node = Self::peer_id(node)?;
			let mut nodes = WellKnownNodes::<T>::get();
			ensure!(nodes.remove(&node), Error::<T>::NotExist);
			WellKnownNodes::<T>::put(nodes);
			Self::forget(&node);
			Self::deposit_event(Event::NodeRemoved { peer_id: node });
			Ok(())
		}

		/// Replaces the listed node `remove` by `add`, which keeps `remove`'s owner and
		/// connections (a validator's new node key). Connections a claimer of `add` added are
		/// dropped, and its claim with them.
		///
		/// Origin: [`Config::CityOrigin`]. Emits [`Event::NodeSwapped`].
		#[pallet::call_index(2)]
		#[pallet::weight((T::WeightInfo::swap_well_known_node(), DispatchClass::Operational))]
		pub fn swap_well_known_node(
			origin: OriginFor<T>,
			remove: Vec<u8>,
			add: Vec<u8>,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let (remove, add) = (Self::peer_id(remove)?, Self::peer_id(add)?);
			if remove == add {
				return Ok(());
			}
			let mut nodes = WellKnownNodes::<T>::get();
			ensure!(nodes.contains(&remove), Error::<T>::NotExist);
			ensure!(!nodes.contains(&add), Error::<T>::AlreadyJoined);
			nodes.remove(&remove);
			nodes.try_insert(add.clone()).map_err(|_| Error::<T>::TooManyNodes)?;
			WellKnownNodes::<T>::put(nodes);
			Self::drop_claim(&add);
			Owners::<T>::swap(&remove, &add);
			AdditionalConnections::<T>::swap(&remove, &add);
			Self::deposit_event(Event::NodeSwapped { removed: remove, added: add });
			Ok(())
		}

		/// Replaces the whole list by `nodes`; the previous list's owners and connections go.
		///
		/// Origin: [`Config::CityOrigin`]. Emits [`Event::NodesReset`].
		#[pallet::call_index(3)]
		#[pallet::weight((
			T::WeightInfo::reset_well_known_nodes(nodes.len() as u32),
			DispatchClass::Operational
		))]
		pub fn reset_well_known_nodes(
			origin: OriginFor<T>,
			nodes: Vec<(Vec<u8>, T::AccountId)>,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			ensure!(nodes.len() <= T::MaxWellKnownNodes::get() as usize, Error::<T>::TooManyNodes);
			let nodes = nodes
				.into_iter()
				.map(|(node, owner)| Ok((Self::peer_id(node)?, owner)))
				.collect::<Result<Vec<_>, DispatchError>>()?;
			Self::do_reset(nodes.clone())?;
			Self::deposit_event(Event::NodesReset { nodes });
			Ok(())
		}

		/// Claims `node` for the signer, a validator operator, so that it can let other nodes
		/// connect to it.
		///
		/// Origin: signed by an active member of kind `ValidatorOperator`. Emits
		/// [`Event::NodeClaimed`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::claim_node())]
		pub fn claim_node(origin: OriginFor<T>, node: Vec<u8>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_operator(&who)?;
			let node = Self::peer_id(node)?;
			ensure!(!Owners::<T>::contains_key(&node), Error::<T>::AlreadyClaimed);
			ensure!(
				NodesOwned::<T>::get(&who) < T::MaxNodesPerOwner::get(),
				Error::<T>::TooManyNodesOwned
			);
			Self::set_owner(&node, &who);
			Self::deposit_event(Event::NodeClaimed { peer_id: node, who });
			Ok(())
		}

		/// Gives up the signer's claim on `node`, with its connections. A listed node stays
		/// owned until the city unlists it.
		///
		/// Origin: signed by the node's owner, an active member. Emits [`Event::ClaimRemoved`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_claim())]
		pub fn remove_claim(origin: OriginFor<T>, node: Vec<u8>) -> DispatchResult {
			let (who, node) = Self::ensure_owner(origin, node)?;
			ensure!(!WellKnownNodes::<T>::get().contains(&node), Error::<T>::PermissionDenied);
			Self::forget(&node);
			Self::deposit_event(Event::ClaimRemoved { peer_id: node, who });
			Ok(())
		}

		/// Hands `node` to `owner`, another validator operator.
		///
		/// Origin: signed by the node's owner, an active member. Emits
		/// [`Event::NodeTransferred`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::transfer_node())]
		pub fn transfer_node(
			origin: OriginFor<T>,
			node: Vec<u8>,
			owner: T::AccountId,
		) -> DispatchResult {
			let (who, node) = Self::ensure_owner(origin, node)?;
			Self::ensure_operator(&owner)?;
			ensure!(
				NodesOwned::<T>::get(&owner) < T::MaxNodesPerOwner::get(),
				Error::<T>::TooManyNodesOwned
			);
			// The node keeps its connections: they are the operator's setup, handed over whole.
			Self::release(&who);
			Owners::<T>::insert(&node, &owner);
			NodesOwned::<T>::mutate(&owner, |count| *count = count.saturating_add(1));
			Self::deposit_event(Event::NodeTransferred { peer_id: node, target: owner });
			Ok(())
		}

		/// Lets `connections` connect to `node`; at most `MaxConnections` in all.
		///
		/// Origin: signed by the node's owner, an active member. Emits
		/// [`Event::ConnectionsAdded`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::add_connections(connections.len() as u32))]
		pub fn add_connections(
			origin: OriginFor<T>,
			node: Vec<u8>,
			connections: Vec<Vec<u8>>,
		) -> DispatchResult {
			let (node, connections) = Self::owned_node_and_connections(origin, node, connections)?;
			AdditionalConnections::<T>::try_mutate(&node, |allowed| {
				for peer in connections.iter().filter(|peer| **peer != node) {
					allowed.try_insert(peer.clone()).map_err(|_| Error::<T>::TooManyConnections)?;
				}
				Ok::<_, Error<T>>(())
			})?;
			Self::deposit_event(Event::ConnectionsAdded {
				peer_id: node,
				allowed_connections: connections,
			});
			Ok(())
		}

		/// Stops letting `connections` connect to `node`.
		///
		/// Origin: signed by the node's owner, an active member. Emits
		/// [`Event::ConnectionsRemoved`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove_connections(connections.len() as u32))]
		pub fn remove_connections(
			origin: OriginFor<T>,
			node: Vec<u8>,
			connections: Vec<Vec<u8>>,
		) -> DispatchResult {
			let (node, connections) = Self::owned_node_and_connections(origin, node, connections)?;
			AdditionalConnections::<T>::mutate_exists(&node, |allowed| {
				if let Some(set) = allowed {
					for peer in &connections {
						set.remove(peer);
					}
					if set.is_empty() {
						*allowed = None;
					}
				}
			});
			Self::deposit_event(Event::ConnectionsRemoved {
				peer_id: node,
				allowed_connections: connections,
			});
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The node's own PeerId from the bytes the host gives the offchain worker: the PeerId's
		/// bytes, SCALE-encoded.
		pub(crate) fn own_peer_id(encoded: &[u8]) -> Option<PeerIdOf<T>> {
			let bytes = Vec::<u8>::decode(&mut &encoded[..]).ok()?;
			Self::peer_id(bytes).ok()
		}

		/// `bytes` as a PeerId, if non-empty and within the bound.
		pub(crate) fn peer_id(bytes: Vec<u8>) -> Result<PeerIdOf<T>, Error<T>> {
			ensure!(!bytes.is_empty(), Error::<T>::BadPeerId);
			bytes.try_into().map_err(|_| Error::<T>::BadPeerId)
		}

		/// The node, if the signer owns it, and the connections of a call on it, checked: at most
		/// `MaxConnections` PeerIds, each within the bound.
		fn owned_node_and_connections(
			origin: OriginFor<T>,
			node: Vec<u8>,
			connections: Vec<Vec<u8>>,
		) -> Result<(PeerIdOf<T>, Vec<PeerIdOf<T>>), DispatchError> {
			ensure!(
				connections.len() <= T::MaxConnections::get() as usize,
				Error::<T>::TooManyConnections
			);
			let (_, node) = Self::ensure_owner(origin, node)?;
			let connections =
				connections.into_iter().map(Self::peer_id).collect::<Result<Vec<_>, _>>()?;
			Ok((node, connections))
		}

		/// The signer, if it owns `node` and is an active member, and the PeerId.
		fn ensure_owner(
			origin: OriginFor<T>,
			node: Vec<u8>,
		) -> Result<(T::AccountId, PeerIdOf<T>), DispatchError> {
			let who = ensure_signed(origin)?;
			ensure!(T::Registry::is_active(&who), Error::<T>::NotOwner);
			let node = Self::peer_id(node)?;
			let owner = Owners::<T>::get(&node).ok_or(Error::<T>::NotClaimed)?;
			ensure!(owner == who, Error::<T>::NotOwner);
			Ok((who, node))
		}

		fn ensure_operator(who: &T::AccountId) -> DispatchResult {
			ensure!(
				T::Registry::active_kind(who) == Some(MemberKind::ValidatorOperator),
				Error::<T>::NotOperator
			);
			Ok(())
		}

		/// Makes `owner` the owner of `node`, dropping what a previous owner had.
		fn set_owner(node: &PeerIdOf<T>, owner: &T::AccountId) {
			Self::drop_claim(node);
			Owners::<T>::insert(node, owner);
			NodesOwned::<T>::mutate(owner, |count| *count = count.saturating_add(1));
		}

		/// Counts one node fewer for `owner`.
		fn release(owner: &T::AccountId) {
			NodesOwned::<T>::mutate_exists(owner, |count| {
				*count = count.map(|n| n.saturating_sub(1)).filter(|n| *n > 0)
			});
		}

		/// Removes a previous owner's hold on `node`: its ownership and the connections it added.
		fn drop_claim(node: &PeerIdOf<T>) {
			let Some(previous_owner) = Owners::<T>::take(node) else { return };
			Self::release(&previous_owner);
			let dropped = AdditionalConnections::<T>::take(node).len() as u32;
			if dropped > 0 {
				Self::deposit_event(Event::ConnectionsDropped {
					peer_id: node.clone(),
					previous_owner,
					dropped,
				});
			}
		}

		/// Forgets `node`: its owner and its connections.
		fn forget(node: &PeerIdOf<T>) {
			if let Some(owner) = Owners::<T>::take(node) {
				Self::release(&owner);
			}
			AdditionalConnections::<T>::remove(node);
		}

		/// Replaces the list by `nodes`.
		pub(crate) fn do_reset(nodes: Vec<(PeerIdOf<T>, T::AccountId)>) -> DispatchResult {
			for node in WellKnownNodes::<T>::take() {
				Self::forget(&node);
			}
			let mut listed = BoundedBTreeSet::new();
			for (node, owner) in nodes {
				ensure!(listed.try_insert(node.clone()).is_ok(), Error::<T>::TooManyNodes);
				Self::set_owner(&node, &owner);
			}
			WellKnownNodes::<T>::put(listed);
			Ok(())
		}

		/// The peers `node` may talk to: the connections its owner added and, if it is well
		/// known, every other well-known node.
		pub fn authorized_nodes(node: &PeerIdOf<T>) -> Vec<Vec<u8>> {
			let mut peers: Vec<Vec<u8>> = AdditionalConnections::<T>::get(node)
				.into_iter()
				.map(|peer| peer.into_inner())
				.collect();
			let well_known = WellKnownNodes::<T>::get();
			if well_known.contains(node) {
				peers.extend(
					well_known.into_iter().filter(|peer| peer != node).map(|p| p.into_inner()),
				);
			}
			peers.sort();
			peers.dedup();
			peers
		}

		/// Invariants of the list.
		#[cfg(any(feature = "try-runtime", test))]
		pub(crate) fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::BTreeMap;
			for node in WellKnownNodes::<T>::get() {
				ensure!(Owners::<T>::contains_key(&node), "a well-known node has no owner");
			}
			for node in AdditionalConnections::<T>::iter_keys() {
				ensure!(Owners::<T>::contains_key(&node), "connections of a node nobody owns");
			}
			let mut owned = BTreeMap::<T::AccountId, u32>::new();
			for owner in Owners::<T>::iter_values() {
				*owned.entry(owner).or_default() += 1;
			}
			ensure!(
				NodesOwned::<T>::iter().all(|(who, count)| owned.get(&who) == Some(&count))
					&& owned.len() == NodesOwned::<T>::iter_keys().count(),
				"owned-node counts do not match the owners"
			);
			Ok(())
		}
	}
}
