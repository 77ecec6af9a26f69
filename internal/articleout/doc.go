// Package articleout writes winnow extract's articles in the command
// line's output formats: text, markdown, html, json and jsonl, and the
// -explain block table (or its JSON form).
//
// A Writer takes the pages of one run in order (Write) and is closed once
// (Close). With several pages (Options.Batch), text formats get a
// "==> name <==" header per page, json is one array and jsonl one line per
// page; failed pages appear in json and jsonl only, with their status
// (StatusOK, StatusNoContent, StatusError) and error. JSON is written
// without escaping <, > and & (EncodeJSON). Options.WithMetadata puts a
// YAML front matter header (title, author, date, url) before text and
// Markdown. Text formats, the -explain table and PageError carry none of
// the page's control characters or terminal escape sequences (Printable);
// JSON keeps them, escaped, the C1 controls too.
package articleout
