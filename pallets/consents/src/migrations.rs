//! Storage migrations of this pallet, one module per storage version.
//!
//! Version 1 is the first layout. A chain that adds the pallet in an upgrade needs no step:
//! frame_support gives a pallet whose storage is empty the version its code declares.
