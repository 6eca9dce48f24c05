// An in-memory IndexedDB for the unit tests: one per worker, shared by the files it runs (isolate: false), so every
// test names its own databases.
import 'fake-indexeddb/auto';
