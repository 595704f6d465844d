//! Calendar dates and times of day as Korean law counts them (labour contracts, donation
//! receipts): the proleptic Gregorian calendar in Korea Standard Time (UTC+9, no daylight
//! saving), whole minutes.
//!
//! Dates travel as `{year, month, day}` so that the explorer and wallets show them as people
//! write them; the pallet turns them into day numbers for arithmetic.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Minutes in a day.
pub const MINUTES_PER_DAY: u16 = 24 * 60;

/// Korea Standard Time's offset from UTC, in milliseconds.
const KST_OFFSET_MS: u64 = 9 * 3_600_000;

/// Milliseconds in a day.
const MS_PER_DAY: u64 = 86_400_000;

/// A calendar date.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Date {
	/// The year, from 1970.
	pub year: u16,
	/// The month, 1 to 12.
	pub month: u8,
	/// The day of the month, from 1.
	pub day: u8,
}

impl Default for Date {
	/// 1970-01-01, the first date (day number 0).
	fn default() -> Self {
		Self { year: 1970, month: 1, day: 1 }
	}
}

impl Date {
	/// The date written `YYYY-MM-DD` (ISO 8601), as wallets, chain specs and the RPC write it.
	pub fn parse(text: &str) -> Option<Self> {
		let bytes = text.as_bytes();
		if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
			return None;
		}
		let number = |range: core::ops::Range<usize>| -> Option<u16> {
			bytes[range].iter().try_fold(0u16, |value, digit| {
				digit.is_ascii_digit().then(|| value * 10 + u16::from(digit - b'0'))
			})
		};
		Self::new(number(0..4)?, number(5..7)? as u8, number(8..10)? as u8)
	}

	/// The date as `YYYY-MM-DD` bytes (years past 9999 keep their last four digits).
	pub fn iso_bytes(&self) -> [u8; 10] {
		let digit = |value: u16, place: u16| b'0' + ((value / place) % 10) as u8;
		let (year, month, day) = (self.year, u16::from(self.month), u16::from(self.day));
		[
			digit(year, 1000),
			digit(year, 100),
			digit(year, 10),
			digit(year, 1),
			b'-',
			digit(month, 10),
			digit(month, 1),
			b'-',
			digit(day, 10),
			digit(day, 1),
		]
	}
}

impl serde::Serialize for Date {
	fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
		let bytes = self.iso_bytes();
		serializer.serialize_str(core::str::from_utf8(&bytes).unwrap_or("0000-00-00"))
	}
}

impl<'de> serde::Deserialize<'de> for Date {
	fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		let text = <alloc::borrow::Cow<'de, str>>::deserialize(deserializer)?;
		Self::parse(&text)
			.ok_or_else(|| serde::de::Error::custom("a date must be an existing YYYY-MM-DD"))
	}
}

/// A day of the week.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Weekday {
	/// Monday, the first day of a working week.
	Monday,
	/// Tuesday.
	Tuesday,
	/// Wednesday.
	Wednesday,
	/// Thursday.
	Thursday,
	/// Friday.
	Friday,
	/// Saturday.
	Saturday,
	/// Sunday.
	Sunday,
}

impl Weekday {
	/// The days of the week from Monday.
	pub const ALL: [Weekday; 7] = [
		Weekday::Monday,
		Weekday::Tuesday,
		Weekday::Wednesday,
		Weekday::Thursday,
		Weekday::Friday,
		Weekday::Saturday,
		Weekday::Sunday,
	];

	/// Its place in the week, Monday 0 to Sunday 6.
	pub fn index(self) -> u8 {
		self as u8
	}
}

/// The days of each month in a common year.
const DAYS_IN_MONTH: [u8; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

impl Date {
	/// The date, if it exists and is not before 1970-01-01.
	pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
		let date = Self { year, month, day };
		date.is_valid().then_some(date)
	}

	/// Whether the date exists and is not before 1970-01-01.
	pub fn is_valid(&self) -> bool {
		self.year >= 1970
			&& (1..=12).contains(&self.month)
			&& self.day >= 1
			&& self.day <= days_in_month(self.year, self.month)
	}

	/// Days since 1970-01-01 (the algorithm is Howard Hinnant's `days_from_civil`); meaningful
	/// for a valid date only, and never panics on another.
	pub fn day_number(&self) -> u32 {
		let month = u32::from(self.month.clamp(1, 12));
		let year = u32::from(self.year).saturating_sub(u32::from(month <= 2));
		let era = year / 400;
		let year_of_era = year - era * 400;
		let shifted_month = (month + 9) % 12;
		let day_of_year = (153 * shifted_month + 2) / 5 + u32::from(self.day).saturating_sub(1);
		let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
		// 719,468 days from 0000-03-01 to 1970-01-01.
		(era * 146_097 + day_of_era).saturating_sub(719_468)
	}

	/// The date `days` days after 1970-01-01, if its year fits.
	pub fn from_day_number(days: u32) -> Option<Self> {
		let shifted = days.checked_add(719_468)?;
		let era = shifted / 146_097;
		let day_of_era = shifted - era * 146_097;
		let year_of_era =
			(day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
		let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
		let shifted_month = (5 * day_of_year + 2) / 153;
		let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
		let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
		let year = year_of_era + era * 400 + u32::from(month <= 2);
		Some(Self { year: year.try_into().ok()?, month: month as u8, day: day as u8 })
	}

	/// The day of the week.
	pub fn weekday(&self) -> Weekday {
		// 1970-01-01 was a Thursday.
		Weekday::ALL[((self.day_number() + 3) % 7) as usize]
	}

	/// The date `days` days later, if its year fits.
	pub fn plus_days(&self, days: u32) -> Option<Self> {
		Self::from_day_number(self.day_number().checked_add(days)?)
	}

	/// The date `days` days earlier, if it is not before 1970-01-01.
	pub fn minus_days(&self, days: u32) -> Option<Self> {
		Self::from_day_number(self.day_number().checked_sub(days)?)
	}

	/// The date in Korea at `unix_ms` milliseconds since the Unix epoch.
	pub fn in_korea_at(unix_ms: u64) -> Self {
		let days = (unix_ms.saturating_add(KST_OFFSET_MS) / MS_PER_DAY).min(u64::from(u32::MAX));
		// Beyond the year 65,535 the clock is broken; the last representable date stands.
		Self::from_day_number(days as u32).unwrap_or(Self { year: u16::MAX, month: 12, day: 31 })
	}
}

/// Whether `year` is a leap year.
pub fn is_leap_year(year: u16) -> bool {
	(year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// The days in `month` (1 to 12) of `year`; 0 for a month that does not exist.
pub fn days_in_month(year: u16, month: u8) -> u8 {
	match month {
		2 if is_leap_year(year) => 29,
		1..=12 => DAYS_IN_MONTH[usize::from(month - 1)],
		_ => 0,
	}
}
