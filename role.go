package winnow

import "fmt"

// Role is what a block is to the article.
type Role uint8

// The roles. Article.Text is made of the RoleBody blocks; the title,
// byline, captions and comments are the Article's other fields.
const (
	RoleBoilerplate Role = iota // navigation, teasers, promotions, footers, ...
	RoleBody                    // the article's text: paragraphs, subheadings, lists, tables, quotes
	RoleTitle                   // the headline
	RoleByline                  // author, dateline, "last modified"
	RoleCaption                 // figure captions, image credits
	RoleComment                 // reader comments and their headers
)

var roleNames = [...]string{"boilerplate", "body", "title", "byline", "caption", "comment"}

// String returns the role's name: boilerplate, body, title, byline,
// caption or comment.
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("Role(%d)", int(r))
}
