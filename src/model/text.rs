//! Bilingual text: Chinese first, English alongside.
//!
//! Trainers may write a plain string (used for both languages, e.g. a name) or
//! `(zh: "…", en: "…")`. A missing half is a lint warning, not an error, so a
//! draft scenario still plays.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// Which language(s) to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Lang {
    /// 中文 only.
    Zh,
    /// English only.
    En,
    /// Both, Chinese first.
    #[default]
    Both,
}

/// A piece of text in Chinese and/or English.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Text {
    /// Chinese text, if written.
    pub zh: Option<String>,
    /// English text, if written.
    pub en: Option<String>,
    /// True when the author wrote one plain string meant for both languages.
    pub plain: bool,
}

impl Serialize for Text {
    /// Written back in the form it was read: a plain string, or `(zh: …, en: …)`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if self.plain {
            return s.serialize_str(self.zh.as_deref().unwrap_or(""));
        }
        let halves: Vec<(&str, &String)> = [("zh", &self.zh), ("en", &self.en)]
            .into_iter()
            .filter_map(|(k, v)| Some((k, v.as_ref()?)))
            .collect();
        let mut m = s.serialize_map(Some(halves.len()))?;
        for (k, v) in halves {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl Text {
    /// Text written once for both languages.
    pub fn plain(s: impl Into<String>) -> Self {
        let s = s.into();
        Text {
            zh: Some(s.clone()),
            en: Some(s),
            plain: true,
        }
    }

    /// Text with both translations.
    pub fn bi(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            zh: Some(zh.into()),
            en: Some(en.into()),
            plain: false,
        }
    }

    /// The text in one language, falling back to the other half when missing.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::En => (&self.en, &self.zh),
            Lang::Zh | Lang::Both => (&self.zh, &self.en),
        };
        first.as_deref().or(second.as_deref()).unwrap_or("")
    }

    /// The text for display: one language, or "中文 / English" for [`Lang::Both`].
    pub fn show(&self, lang: Lang) -> String {
        match lang {
            Lang::Both if !self.plain => match (&self.zh, &self.en) {
                (Some(z), Some(e)) if z != e => format!("{z}\n{e}"),
                _ => self.get(lang).to_string(),
            },
            _ => self.get(lang).to_string(),
        }
    }

    /// One-line form for compact places (titles, buttons): "中文 · English".
    pub fn inline(&self, lang: Lang) -> String {
        self.show(lang).replace('\n', " · ")
    }

    /// Which translation is missing, if any, for the missing-translation lint.
    pub fn missing(&self) -> Option<&'static str> {
        if self.plain {
            // A plain string needs no translation unless it is Chinese prose.
            let s = self.zh.as_deref().unwrap_or("");
            return (s.chars().filter(|c| is_cjk(*c)).count() > 4).then_some("English");
        }
        match (&self.zh, &self.en) {
            (None, _) => Some("Chinese"),
            (_, None) => Some("English"),
            _ => None,
        }
    }

    /// True when no language has any text.
    pub fn is_empty(&self) -> bool {
        self.zh.as_deref().unwrap_or("").trim().is_empty()
            && self.en.as_deref().unwrap_or("").trim().is_empty()
    }

    /// Every string in this text, for limits and font coverage.
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        self.zh.as_deref().into_iter().chain(self.en.as_deref())
    }
}

/// True for characters in the common CJK blocks.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(r#"a string or (zh: "…", en: "…")"#)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text::plain(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut text = Text::default();
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "zh" => &mut text.zh,
                "en" => &mut text.en,
                other => return Err(de::Error::unknown_field(other, &["zh", "en"])),
            };
            if slot.is_some() {
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
            *slot = Some(map.next_value()?);
        }
        if text.zh.is_none() && text.en.is_none() {
            return Err(de::Error::custom("text needs `zh` or `en`"));
        }
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Text, ron::error::SpannedError> {
        ron::from_str(s)
    }

    #[test]
    fn plain_and_bilingual_forms_parse() {
        assert_eq!(parse(r#""Zhang""#).unwrap(), Text::plain("Zhang"));
        let t = parse(r#"(zh: "你好", en: "Hello")"#).unwrap();
        assert_eq!(t.get(Lang::Zh), "你好");
        assert_eq!(t.get(Lang::En), "Hello");
        assert_eq!(t.show(Lang::Both), "你好\nHello");
    }

    #[test]
    fn missing_half_falls_back_and_is_reported() {
        let t = parse(r#"(zh: "你好")"#).unwrap();
        assert_eq!(t.get(Lang::En), "你好");
        assert_eq!(t.missing(), Some("English"));
    }

    #[test]
    fn serialises_back_to_the_form_it_was_read_in() {
        for src in [
            r#""Zhang""#,
            r#"{"zh":"你好","en":"Hello"}"#,
            r#"{"zh":"你好"}"#,
        ] {
            let t: Text = serde_json::from_str(src).unwrap();
            assert_eq!(serde_json::to_string(&t).unwrap(), src);
        }
    }

    #[test]
    fn unknown_key_is_an_error() {
        let e = parse(r#"(zh: "你好", fr: "Bonjour")"#).unwrap_err();
        assert!(e.to_string().contains("fr"), "{e}");
    }
}
