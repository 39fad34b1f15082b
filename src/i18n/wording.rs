//! The organisation's own wording (`branding.messages_files`): Fluent messages that replace
//! ours with the same id, per language, for one portal. A portal runs each request inside
//! `with_wording`, so every lookup on the way (pages, errors, mails sent by the request) sees
//! that portal's words; other portals in the same process are not affected.
//!
//! A message id that none of our catalogues has is refused at start-up (`check`), so a typo
//! does not silently change nothing.

use std::collections::HashMap;
use std::sync::Arc;

use fluent_templates::Loader as _;
use fluent_templates::fluent_bundle::concurrent::FluentBundle;
use fluent_templates::fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::{LOCALES, Lang};

/// One portal's replacement messages, by language.
#[derive(Default)]
pub struct Wording {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Wording {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Wording").field("languages", &self.bundles.keys().collect::<Vec<_>>()).finish()
    }
}

tokio::task_local! {
    static WORDING: Arc<Wording>;
}

/// Runs `fut` with `wording` in force for every message it looks up.
pub async fn with_wording<F: std::future::Future>(wording: Arc<Wording>, fut: F) -> F::Output {
    WORDING.scope(wording, fut).await
}

/// The problems of an override file's text: syntax errors and ids we do not have.
pub fn check(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let resource = match FluentResource::try_new(text.to_owned()) {
        Ok(r) => r,
        Err((r, errors)) => {
            problems.extend(errors.iter().map(|e| format!("not valid Fluent at bytes {:?}: {:?}", e.pos, e.kind)));
            r
        }
    };
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(m) = entry
            && LOCALES.try_lookup(Lang::En.id(), m.id.name).is_none()
        {
            problems.push(format!("unknown message id {:?}", m.id.name));
        }
    }
    problems
}

impl Wording {
    /// The wording from each language's file text (checked by `check` at start-up).
    pub fn new(files: impl IntoIterator<Item = (Lang, String)>) -> Wording {
        let mut bundles = HashMap::new();
        for (lang, text) in files {
            let resource = match FluentResource::try_new(text) {
                Ok(r) | Err((r, _)) => r,
            };
            let mut bundle = FluentBundle::new_concurrent(vec![lang.id().clone()]);
            bundle.set_use_isolating(false);
            bundle.add_resource_overriding(resource);
            bundles.insert(lang, bundle);
        }
        Wording { bundles }
    }

    fn lookup(
        &self,
        lang: Lang,
        key: &str,
        args: Option<&HashMap<std::borrow::Cow<'static, str>, FluentValue<'_>>>,
    ) -> Option<String> {
        let bundle = self.bundles.get(&lang)?;
        let pattern = bundle.get_message(key)?.value()?;
        let args = args.map(|a| {
            let mut out = FluentArgs::new();
            for (k, v) in a {
                out.set(k.clone(), v.clone());
            }
            out
        });
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args.as_ref(), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, lang = lang.code(), ?errors, "the organisation's wording of a message has mistakes");
        }
        Some(text.into_owned())
    }
}

/// The portal's own wording of `key`, if the request runs with one that has it.
pub(super) fn lookup(
    lang: Lang,
    key: &str,
    args: Option<&HashMap<std::borrow::Cow<'static, str>, FluentValue<'_>>>,
) -> Option<String> {
    WORDING.try_with(|w| w.lookup(lang, key, args)).ok().flatten()
}
