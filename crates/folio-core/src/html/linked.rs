//! JSON-LD: the facts a page states about its article in
//! `<script type="application/ld+json">` (headline, dates, authors,
//! publisher, section, keywords), read from the first object that has
//! them, `@graph` and nested objects included.

/// JSON-LD nests objects (`@graph`, `mainEntity`); deeper than this is not read.
const MAX_JSON_DEPTH: usize = 16;

/// JSON-LD facts about the article, from the first object that has them.
#[derive(Debug, Default)]
pub(super) struct LinkedData {
    pub(super) headline: Option<String>,
    pub(super) published: Option<String>,
    pub(super) modified: Option<String>,
    pub(super) authors: Vec<String>,
    pub(super) keywords: Vec<String>,
    pub(super) section: Option<String>,
    pub(super) publisher: Option<String>,
    /// Authors given only as a reference to a node elsewhere in the
    /// page's JSON-LD (`"author": {"@id": "…#/schema/person/1"}`, as
    /// Yoast writes them), and every named node by its `@id`.
    pub(super) author_refs: Vec<String>,
    pub(super) named: Vec<(String, String)>,
}

/// Named JSON-LD nodes remembered for resolving `@id` references.
const MAX_NAMED_NODES: usize = 64;

impl LinkedData {
    /// What the page's JSON-LD blocks state; a block that is not JSON is
    /// passed over.
    pub(super) fn of(blocks: &[String]) -> LinkedData {
        let mut linked = LinkedData::default();
        for block in blocks {
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(block) {
                collect_linked_data(&value, 0, &mut linked);
            }
        }
        linked
    }

    /// The authors, references resolved to the nodes they name.
    pub(super) fn resolved_authors(&self) -> Vec<String> {
        if !self.authors.is_empty() {
            return self.authors.clone();
        }
        self.author_refs
            .iter()
            .filter_map(|id| {
                self.named
                    .iter()
                    .find(|(node, _)| node == id)
                    .map(|(_, name)| name.clone())
            })
            .collect()
    }
}

fn collect_linked_data(value: &serde_json::Value, depth: usize, found: &mut LinkedData) {
    use serde_json::Value;
    if depth > MAX_JSON_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|v| collect_linked_data(v, depth + 1, found)),
        Value::Object(map) => {
            let text = |key: &str| {
                map.get(key)
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            if map.contains_key("headline") || map.contains_key("datePublished") {
                found.headline = found.headline.take().or_else(|| text("headline"));
                found.published = found.published.take().or_else(|| text("datePublished"));
                found.modified = found.modified.take().or_else(|| text("dateModified"));
                found.section = found.section.take().or_else(|| text("articleSection"));
                if found.authors.is_empty() && found.author_refs.is_empty() {
                    found.authors = names(map.get("author"));
                    if found.authors.is_empty() {
                        found.author_refs = references(map.get("author"));
                    }
                }
                if found.keywords.is_empty() {
                    found.keywords = match map.get("keywords") {
                        Some(Value::String(s)) => s
                            .split(',')
                            .map(|k| k.trim().to_string())
                            .filter(|k| !k.is_empty())
                            .collect(),
                        Some(Value::Array(a)) => a
                            .iter()
                            .filter_map(Value::as_str)
                            .map(str::to_string)
                            .collect(),
                        _ => Vec::new(),
                    };
                }
                if found.publisher.is_none() {
                    found.publisher = names(map.get("publisher")).into_iter().next();
                }
            }
            if let (Some(id), Some(name)) = (text("@id"), text("name")) {
                if found.named.len() < MAX_NAMED_NODES {
                    found.named.push((id, name));
                }
            }
            for (key, v) in map {
                if key == "@graph"
                    || key == "mainEntity"
                    || key == "mainEntityOfPage"
                    || v.is_array()
                {
                    collect_linked_data(v, depth + 1, found);
                }
            }
        }
        _ => {}
    }
}

/// The `@id`s a JSON-LD value refers to, for a reference or a list of them.
fn references(value: Option<&serde_json::Value>) -> Vec<String> {
    use serde_json::Value;
    match value {
        Some(Value::Object(map)) => map
            .get("@id")
            .and_then(Value::as_str)
            .map(|id| vec![id.to_string()])
            .unwrap_or_default(),
        Some(Value::Array(items)) => items.iter().flat_map(|v| references(Some(v))).collect(),
        _ => Vec::new(),
    }
}

/// Names from a JSON-LD person or organisation, or a list of them.
fn names(value: Option<&serde_json::Value>) -> Vec<String> {
    use serde_json::Value;
    match value {
        Some(Value::String(s)) => vec![s.trim().to_string()],
        Some(Value::Object(map)) => map
            .get("name")
            .and_then(Value::as_str)
            .map(|n| vec![n.trim().to_string()])
            .unwrap_or_default(),
        Some(Value::Array(items)) => items.iter().flat_map(|v| names(Some(v))).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|n| !n.is_empty())
    .collect()
}
