// Package fetch GETs a web page for the command line (winnow extract URL)
// within limits: a time limit over the whole fetch, a number of redirects,
// and a number of body bytes, the body decompressed through the same limit.
//
// It takes a URL and a Config and gives a Page: the body, the final URL
// after redirects and the Content-Type header. A status other than 200, a
// body over the limit (an error wrapping page.ErrTooLarge) and a transport
// failure are errors that name the URL once. The library does not fetch:
// only the command imports this package, so net/http's client stays out of
// a program that only calls winnow.Extract.
package fetch
