//! Gender: which person `he` and `she` can refer to.
//!
//! The text gives a person a gender through an honorific or a gendered
//! title in their mention (`Mr.`, `Ms.`, `Dame`, `spokeswoman Jane
//! Doe`). A pronoun goes to the person in focus, unless the text gave
//! that person the other gender: then it goes to the person last in
//! focus whom the text gave the pronoun's gender (`“…?” Mr. Doe asked.
//! “…,” she replied.`), and if there is none, to the focus as before.
//!
//! Pronouns teach a gender in one place only, where they can hardly be
//! wrong: a `he` or `she` that opens a sentence (or its main clause)
//! right after a sentence that mentioned one person, the one in focus
//! (`Jane Doe is in the wheelhouse. She is 71.`). Anywhere else a pronoun
//! resolved wrongly would give its gender to the wrong person and carry
//! the mistake on.

use crate::lexicon;
use crate::speaker::EntityId;
use crate::text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

/// The gender of `he` or `she` (any case), else `None`.
pub(super) fn of_pronoun(word: &str) -> Option<Gender> {
    if word.eq_ignore_ascii_case("he") {
        Some(Gender::Male)
    } else if word.eq_ignore_ascii_case("she") {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender an honorific, title or person noun gives (`Mr.`, `Ms`,
/// `Sir`, `spokeswoman`), else `None`.
pub(super) fn of_word(word: &str) -> Option<Gender> {
    let folded = text::fold_word(word);
    if lexicon::MALE_WORDS.contains(&folded) {
        Some(Gender::Male)
    } else if lexicon::FEMALE_WORDS.contains(&folded) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The genders the text gave an article's persons, and the order in
/// which they were last in focus.
#[derive(Debug, Default)]
pub(super) struct Genders {
    /// By entity id.
    known: Vec<Option<Gender>>,
    /// Persons in the order they were last in focus, the latest last.
    recent: Vec<EntityId>,
}

impl Genders {
    fn of(&self, e: EntityId) -> Option<Gender> {
        self.known.get(e).copied().flatten()
    }

    /// Gives `e` gender `g` unless the text already gave it one.
    pub(super) fn learn(&mut self, e: EntityId, g: Gender) {
        if self.known.len() <= e {
            self.known.resize(e + 1, None);
        }
        self.known[e].get_or_insert(g);
    }

    /// Whether a pronoun of gender `g` may refer to `e`: the text gave
    /// `e` no gender, or that one.
    pub(super) fn allows(&self, e: EntityId, g: Gender) -> bool {
        self.of(e).is_none_or(|known| known == g)
    }

    /// Persons in the order they were last in focus, the latest last.
    pub(super) fn recent(&self) -> &[EntityId] {
        &self.recent
    }

    /// Notes that person `e` is now in focus.
    pub(super) fn focused(&mut self, e: EntityId) {
        if self.recent.last() == Some(&e) {
            return;
        }
        self.recent.retain(|&r| r != e);
        self.recent.push(e);
    }

    /// Who a pronoun of gender `g` refers to when `focus` is in focus:
    /// `focus` unless the text gave it the other gender; then the person
    /// last in focus with gender `g`, if any, and `None` to say no one
    /// fits better than the focus.
    pub(super) fn referent(&self, focus: EntityId, g: Gender) -> Option<EntityId> {
        match self.of(focus) {
            Some(known) if known != g => {
                self.recent.iter().rev().copied().find(|&e| self.of(e) == Some(g))
            }
            _ => Some(focus),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_pronouns() {
        assert_eq!(of_pronoun("She"), Some(Gender::Female));
        assert_eq!(of_pronoun("he"), Some(Gender::Male));
        assert_eq!(of_pronoun("they"), None);
        assert_eq!(of_word("Mr."), Some(Gender::Male));
        assert_eq!(of_word("Ms"), Some(Gender::Female));
        assert_eq!(of_word("Dr."), None);
    }

    #[test]
    fn a_pronoun_of_the_other_gender_goes_to_the_last_person_of_its_own() {
        let mut g = Genders::default();
        g.learn(1, Gender::Female);
        g.focused(1);
        g.learn(2, Gender::Male);
        g.focused(2);
        assert_eq!(g.referent(2, Gender::Male), Some(2));
        assert_eq!(g.referent(2, Gender::Female), Some(1));
        // Someone the text gave no gender takes either pronoun.
        g.focused(3);
        assert_eq!(g.referent(3, Gender::Male), Some(3));
        assert_eq!(g.referent(3, Gender::Female), Some(3));
        // No one of that gender: no better referent than the focus.
        let mut h = Genders::default();
        h.learn(5, Gender::Male);
        h.focused(5);
        assert_eq!(h.referent(5, Gender::Female), None);
    }
}
