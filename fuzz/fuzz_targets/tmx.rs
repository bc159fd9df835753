//! TMX reader: arbitrary bytes must read without a panic, and every
//! segment must map back to char-aligned byte ranges of the input.

#![no_main]

use libfuzzer_sys::fuzz_target;
use termlint::formats::Format;

fuzz_target!(|data: &[u8]| {
    termlint_fuzz::read_and_check(Format::Tmx, data);
});
