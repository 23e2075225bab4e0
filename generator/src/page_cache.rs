//! The parse cache: what reading each page gave, kept in one file between runs and keyed on
//! everything the reading depends on, so that a run after a few pages changed parses only those.
//!
//! Reading a page is a pure function of its text, its path and its place among the pages (the
//! [`FileId`](crate::diagnostic::FileId) its outcome and diagnostics hold), of whether operation
//! pages are read, and of the generator itself. A page's key is the digest of the first four;
//! the file holds the generator's fingerprint, and a file of another generator, or one that does
//! not read back, is no cache at all. The folder-wide passes that follow (the dialect, its
//! conventions) run on every run, on cached and parsed pages alike.
//!
//! The file is a cache, never an input: deleting it changes nothing but the time a run takes.
//! Layout: `MAGIC`, the fingerprint's length (`u32`, little-endian) and bytes, then per page its
//! key (16 bytes), its entry's length (`u32`) and the entry, encoded by `postcard`.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, FileId, Source};
use crate::digest::Digest;
use crate::parse::{OperationPage, PageOutcome};

/// What reading one page gave, as the folder-wide passes take it.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct ParsedPage {
    /// The page's models, or that it has none.
    pub outcome: PageOutcome,
    /// Its operations, when it is an operation page and they are read.
    pub operations: Option<OperationPage>,
    /// What reading it as a model page reported.
    pub page_diagnostics: Vec<Diagnostic>,
    /// What reading its operations reported (best-effort pages' errors become warnings once the
    /// folder's dialect is known).
    pub operation_diagnostics: Vec<Diagnostic>,
}

/// The first bytes of a cache file.
const MAGIC: &[u8] = b"markdown-model-codegen page cache 1\n";

/// The generator whose reading the entries are (see `generator/build.rs`).
const GENERATOR: &str = env!("GENERATOR_FINGERPRINT");

/// The entries of a cache file, as read at the start of a run.
#[derive(Debug, Default)]
pub struct PageCache {
    /// The file's bytes.
    bytes: Vec<u8>,
    /// Where each key's entry is in `bytes`.
    entries: HashMap<Digest, Range<usize>>,
}

/// One page of this run: its key, and its entry when it was parsed (not taken from the cache).
pub type PageEntry = (Digest, Option<Vec<u8>>);

impl PageCache {
    /// The cache at `path`: empty when there is none, when it was written by another generator,
    /// or when it does not read back.
    pub fn open(path: &Path) -> PageCache {
        let Ok(bytes) = fs::read(path) else {
            return PageCache::default();
        };
        match index_entries(&bytes) {
            Some(entries) => PageCache { bytes, entries },
            None => PageCache::default(),
        }
    }

    /// The key of the page `file`, whose source is `source`, read with operations or not.
    pub fn key(file: FileId, source: &Source, models_only: bool) -> Digest {
        let text = Digest::of_bytes(source.text.as_bytes());
        let path = source.path.to_string_lossy();
        Digest::of_value(&[text], &(file, path.as_ref(), models_only))
    }

    /// The page reading `key` stands for, when the cache holds it and it decodes.
    pub fn get(&self, key: Digest) -> Option<ParsedPage> {
        let range = self.entries.get(&key)?;
        postcard::from_bytes(&self.bytes[range.clone()]).ok()
    }

    /// `page` as the cache keeps it.
    pub fn encode(page: &ParsedPage) -> Vec<u8> {
        // Encoding plain data into a vector cannot fail: postcard fails only for maps and
        // sequences of unknown length, which derived `Serialize`s never write.
        postcard::to_allocvec(page).unwrap_or_default()
    }

    /// The cache file of this run's pages (`pages`, in page order); `None` when every page came
    /// from this cache and it holds no other (the file would not change).
    fn file_bytes(&self, pages: &[PageEntry]) -> Option<Vec<u8>> {
        let unchanged = pages.len() == self.entries.len()
            && (pages.iter()).all(|(key, fresh)| fresh.is_none() && self.entries.contains_key(key));
        if unchanged {
            return None;
        }
        let mut bytes = Vec::with_capacity(self.bytes.len() + 4096);
        bytes.extend_from_slice(MAGIC);
        push_length_prefixed(&mut bytes, GENERATOR.as_bytes());
        for (key, fresh) in pages {
            let entry = match fresh {
                Some(entry) => entry.as_slice(),
                None => match self.entries.get(key) {
                    Some(range) => &self.bytes[range.clone()],
                    None => continue,
                },
            };
            bytes.extend_from_slice(&key.to_le_bytes());
            push_length_prefixed(&mut bytes, entry);
        }
        Some(bytes)
    }
}

/// The cache of a run's pages being written beside its file on a thread of its own, while the
/// run goes on (after writing thousands of files, the same bytes take several times longer); it
/// replaces the file only when the run succeeds ([`Self::finish`]).
#[derive(Debug)]
pub struct CacheWrite {
    path: PathBuf,
    temporary: PathBuf,
    /// The write, which gives the folders it created, deepest first (a new one gets a
    /// `.gitignore` of `*`).
    writing: std::thread::JoinHandle<io::Result<Vec<PathBuf>>>,
}

impl CacheWrite {
    /// Starts writing the cache of this run's `pages`, read from `cache`, for `path`; `None`
    /// when the file would not change (or no thread can be started: a cache not written costs
    /// the next run its time, nothing else).
    pub fn start(cache: &PageCache, pages: &[PageEntry], path: PathBuf) -> Option<CacheWrite> {
        let bytes = cache.file_bytes(pages)?;
        let temporary = temporary_path(&path);
        let (folder, file) = (path.parent().map(Path::to_path_buf), temporary.clone());
        let writing = std::thread::Builder::new()
            .spawn(move || write_new(folder.as_deref(), &file, &bytes))
            .ok()?;
        Some(CacheWrite {
            path,
            temporary,
            writing,
        })
    }

    /// Waits for the write and puts the file in its place.
    pub fn finish(self) -> io::Result<()> {
        wait(self.writing)?;
        fs::rename(&self.temporary, &self.path).inspect_err(|_| {
            let _ = fs::remove_file(&self.temporary);
        })
    }

    /// Waits for the write and removes what it wrote: the run failed.
    pub fn abandon(self) {
        let created = wait(self.writing);
        let _ = fs::remove_file(&self.temporary);
        for folder in created.unwrap_or_default() {
            let _ = fs::remove_file(folder.join(".gitignore"));
            let _ = fs::remove_dir(folder);
        }
    }
}

/// The outcome of a write thread (a panic there is an error, not the run's).
fn wait(writing: std::thread::JoinHandle<io::Result<Vec<PathBuf>>>) -> io::Result<Vec<PathBuf>> {
    writing
        .join()
        .unwrap_or_else(|_| Err(io::Error::other("the parse cache's writer stopped")))
}

/// Writes `bytes` to `file` in `folder`, creating the folder (with a `.gitignore` of `*`: a
/// folder the cache makes is the cache's) when it is not there; the folders created, deepest
/// first.
fn write_new(folder: Option<&Path>, file: &Path, bytes: &[u8]) -> io::Result<Vec<PathBuf>> {
    let mut created = Vec::new();
    if let Some(folder) = folder.filter(|folder| !folder.as_os_str().is_empty()) {
        let mut missing = Some(folder);
        while let Some(folder) =
            missing.filter(|folder| !folder.as_os_str().is_empty() && !folder.is_dir())
        {
            created.push(folder.to_path_buf());
            missing = folder.parent();
        }
        if !created.is_empty() {
            fs::create_dir_all(folder)?;
            fs::write(folder.join(".gitignore"), "*\n")?;
        }
    }
    fs::write(file, bytes)?;
    Ok(created)
}

/// `bytes`, after their length as a little-endian `u32`.
fn push_length_prefixed(out: &mut Vec<u8>, bytes: &[u8]) {
    // An entry of 4 GiB would come from a page larger than that: `read_pages` reads pages
    // whole into memory first.
    let length = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&length.to_le_bytes());
    out.extend_from_slice(bytes);
}

/// Where each entry of a cache file's `bytes` is; `None` when they are not a cache file of this
/// generator.
fn index_entries(bytes: &[u8]) -> Option<HashMap<Digest, Range<usize>>> {
    let mut rest = bytes.strip_prefix(MAGIC)?;
    let generator = take_length_prefixed(&mut rest)?;
    if generator != GENERATOR.as_bytes() {
        return None;
    }
    let mut entries = HashMap::new();
    while !rest.is_empty() {
        let (key, after_key) = rest.split_first_chunk::<16>()?;
        rest = after_key;
        let entry = take_length_prefixed(&mut rest)?;
        let start = entry.as_ptr() as usize - bytes.as_ptr() as usize;
        entries.insert(Digest::from_le_bytes(*key), start..start + entry.len());
    }
    Some(entries)
}

/// The bytes after a little-endian `u32` length at the start of `rest`, which then starts after
/// them.
fn take_length_prefixed<'a>(rest: &mut &'a [u8]) -> Option<&'a [u8]> {
    let (length, after) = rest.split_first_chunk::<4>()?;
    let length = usize::try_from(u32::from_le_bytes(*length)).ok()?;
    if after.len() < length {
        return None;
    }
    let (taken, after) = after.split_at(length);
    *rest = after;
    Some(taken)
}

/// The file a cache is written to before it replaces `path`.
fn temporary_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Sources;

    fn page(sources: &mut Sources, name: &str, text: &str) -> (FileId, ParsedPage) {
        let (file, _) = sources.add_read(PathBuf::from(name), text.as_bytes().to_vec());
        let mut page_diagnostics = Vec::new();
        let outcome = crate::parse::parse_page(file, text, &mut page_diagnostics);
        let parsed = ParsedPage {
            outcome,
            operations: None,
            page_diagnostics,
            operation_diagnostics: Vec::new(),
        };
        (file, parsed)
    }

    /// The write of a new cache at `path` of one enum page.
    fn new_cache_of_one_page(path: &Path) -> CacheWrite {
        let mut sources = Sources::default();
        let (file, parsed) = page(&mut sources, "Pet.md", "# Pet\n\n## Enum\n\n* `a`\n");
        let key = PageCache::key(file, sources.get(file), false);
        let pages = [(key, Some(PageCache::encode(&parsed)))];
        CacheWrite::start(&PageCache::default(), &pages, path.to_path_buf())
            .expect("a new cache is written")
    }

    #[test]
    fn a_saved_page_reads_back_as_it_was_parsed_and_other_keys_miss() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("cache/pages.bin");
        let mut sources = Sources::default();
        let text = "# Pet\n\n## Properties\nName | Type | Description | Notes\n\
                    ------------ | ------------- | ------------- | -------------\n\
                    **name** | **str** | The pet&#39;s name. | [optional] \n\
                    **age** | **lisst[int]** |  | \n";
        let (file, parsed) = page(&mut sources, "Pet.md", text);
        assert!(
            !parsed.page_diagnostics.is_empty(),
            "the misspelt type is reported"
        );
        let key = PageCache::key(file, sources.get(file), false);

        let pages = [(key, Some(PageCache::encode(&parsed)))];
        let write = CacheWrite::start(&PageCache::open(&path), &pages, path.clone());
        write.expect("a new cache is written").finish().unwrap();
        assert_eq!(
            fs::read_to_string(path.with_file_name(".gitignore")).unwrap(),
            "*\n",
            "the folder the cache made ignores itself"
        );
        let cache = PageCache::open(&path);
        let cached = cache.get(key).expect("the saved page is in the cache");
        assert!(
            CacheWrite::start(&cache, &[(key, None)], path.clone()).is_none(),
            "an unchanged cache is not written again"
        );
        assert_eq!(cached.outcome, parsed.outcome);
        assert_eq!(cached.page_diagnostics, parsed.page_diagnostics);

        assert!(
            cache
                .get(PageCache::key(file, sources.get(file), true))
                .is_none()
        );
        let (other, _) = page(&mut sources, "Dog.md", text);
        assert!(
            cache
                .get(PageCache::key(other, sources.get(other), false))
                .is_none(),
            "the same text at another place is another page"
        );
    }

    #[test]
    fn an_abandoned_write_leaves_nothing_behind() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("target/cache/pages.bin");
        new_cache_of_one_page(&path).abandon();
        assert!(
            fs::read_dir(folder.path()).unwrap().next().is_none(),
            "the folders the write made are gone"
        );
    }

    #[test]
    fn a_file_that_is_not_this_generators_cache_is_empty() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("pages.bin");
        new_cache_of_one_page(&path).finish().unwrap();
        let whole = fs::read(&path).unwrap();
        for cut in [1, MAGIC.len() + 3, whole.len() - 1] {
            fs::write(&path, &whole[..cut]).unwrap();
            assert!(PageCache::open(&path).entries.is_empty(), "cut at {cut}");
        }
        let mut other_generator = whole.clone();
        other_generator[MAGIC.len() + 4] ^= 1;
        fs::write(&path, &other_generator).unwrap();
        assert!(PageCache::open(&path).entries.is_empty());
    }
}
