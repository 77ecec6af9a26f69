package page

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Realistic paragraphs, a few hundred characters each, as a news page in
// the language would carry them.
const (
	russianText = `Правительство России утвердило новую программу развития транспортной инфраструктуры до 2030 года. ` +
		`По словам министра, в ближайшие пять лет будет построено более двух тысяч километров новых дорог, ` +
		`а также реконструированы крупные железнодорожные узлы в Сибири и на Дальнем Востоке. ` +
		`Эксперты отмечают, что реализация проекта потребует значительных инвестиций со стороны частного бизнеса. ` +
		`Жители регионов надеются, что новые дороги сократят время в пути и помогут развитию местной экономики.`
	chineseText = `国家统计局今天发布的数据显示，今年前三个季度国内生产总值同比增长百分之五，经济运行总体平稳。` +
		`专家表示，消费对经济增长的贡献率进一步提高，服务业保持较快发展，高技术制造业投资增长明显。` +
		`与此同时，就业形势总体稳定，城镇调查失业率有所下降。分析人士认为，下一阶段应继续扩大国内需求，` +
		`加大对中小企业的支持力度，推动经济持续健康发展。`
	japaneseText = `気象庁によりますと、強い台風十号は明日の朝にかけて九州南部に接近する見込みです。` +
		`各地で非常に激しい雨が降り、土砂災害や川の氾濫の危険性が高まっています。` +
		`政府は関係省庁の担当者を集めて会議を開き、住民に早めの避難を呼びかけるよう指示しました。` +
		`交通機関にも大きな影響が出ており、新幹線や航空便の多くが運休を決めています。`
	polishText = `Zażółć gęślą jaźń. Łódź i Kraków są pięknymi miastami, w których można spędzić wiele dni.`
	greekText  = `Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για τη στήριξη των νοικοκυριών και των μικρών επιχειρήσεων.`
	frenchText = `Le gouvernement a annoncé des mesures élevées pour l'économie française, déjà fragilisée.`
)

// page wraps text in a minimal page with an optional head fragment.
func page(head, text string) string {
	return "<!DOCTYPE html><html><head>" + head + "<title>t</title></head><body><p>" + text + "</p></body></html>"
}

// encode encodes s with e, failing the test if it cannot.
func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func TestDecode(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	tests := []struct {
		name, reason string
		enc          encoding.Encoding
		head         string // added to <head>
		contentType  string
		text         string
		wantEnc      string
	}{
		{"utf-8 undeclared", "valid UTF-8 is read as UTF-8", unicode.UTF8, "", "", russianText, "utf-8"},
		{"utf-8 bom", "the BOM decides and is dropped", unicode.UTF8BOM, "", "", chineseText, "utf-8"},
		{"utf-16le bom", "UTF-16 is recognised by its BOM despite its NUL bytes", utf16le, "", "", japaneseText, "utf-16le"},
		{"utf-16be bom", "big-endian too", utf16be, "", "", russianText, "utf-16be"},
		{"windows-1251 meta", "meta charset is honoured", charmap.Windows1251, `<meta charset="windows-1251">`, "", russianText, "windows-1251"},
		{"windows-1251 http-equiv", "the old http-equiv form is honoured", charmap.Windows1251,
			`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, "", russianText, "windows-1251"},
		{"windows-1251 content type", "the Content-Type header declares the charset", charmap.Windows1251, "", "text/html; charset=windows-1251", russianText, "windows-1251"},
		{"content type beats meta", "the header overrides a wrong meta", charmap.Windows1251, `<meta charset="iso-8859-1">`, "text/html; charset=cp1251", russianText, "windows-1251"},
		{"windows-1251 undeclared", "the detector recognises undeclared Russian", charmap.Windows1251, "", "", russianText, "windows-1251"},
		{"gbk meta", "meta charset gbk", simplifiedchinese.GBK, `<meta charset="gbk">`, "", chineseText, "gbk"},
		{"gb2312 meta", "gb2312 labels are read as GBK, its superset", simplifiedchinese.GBK, `<meta charset="gb2312">`, "", chineseText, "gbk"},
		{"gbk content type", "header declares GBK", simplifiedchinese.GBK, "", "text/html; charset=GBK", chineseText, "gbk"},
		{"gbk undeclared", "the detector recognises undeclared Chinese", simplifiedchinese.GBK, "", "", chineseText, "gb18030"},
		{"shift_jis meta", "meta charset shift_jis", japanese.ShiftJIS, `<meta charset="shift_jis">`, "", japaneseText, "shift_jis"},
		{"shift_jis content type", "header declares Shift_JIS", japanese.ShiftJIS, "", "text/html; charset=Shift_JIS", japaneseText, "shift_jis"},
		{"shift_jis undeclared", "the detector recognises undeclared Japanese", japanese.ShiftJIS, "", "", japaneseText, "shift_jis"},
		{"euc-jp meta", "another Japanese encoding", japanese.EUCJP, `<meta charset="euc-jp">`, "", japaneseText, "euc-jp"},
		{"iso-8859-2 meta", "Central European Latin", charmap.ISO8859_2, `<meta charset="iso-8859-2">`, "", polishText, "iso-8859-2"},
		{"iso-8859-7 meta", "Greek", charmap.ISO8859_7, `<meta charset="iso-8859-7">`, "", greekText, "iso-8859-7"},
		{"iso-8859-1 meta", "latin-1 labels are read as windows-1252, as browsers do", charmap.ISO8859_1, `<meta charset="iso-8859-1">`, "", frenchText, "windows-1252"},
		{"latin-1 undeclared", "undeclared, invalid UTF-8 Latin text is detected as latin-1, read as windows-1252", charmap.Windows1252, "", "", frenchText + " " + frenchText, "windows-1252"},
		{"utf-8 mislabelled latin-1", "a page declaring latin-1 that is valid UTF-8 with accents is UTF-8", unicode.UTF8, `<meta charset="iso-8859-1">`, "", frenchText, "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := encode(t, tt.enc, page(tt.head, tt.text))
			out, name, err := Decode(in, tt.contentType)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if name != tt.wantEnc {
				t.Errorf("encoding = %q, want %q: %s", name, tt.wantEnc, tt.reason)
			}
			if !strings.Contains(string(out), tt.text) {
				t.Errorf("decoded page lacks the text (%s):\n%.200s", tt.reason, out)
			}
			// Parse gets the same text into the block.
			p, err := ParseBytes(in, Options{ContentType: tt.contentType})
			if err != nil {
				t.Fatalf("ParseBytes: %v", err)
			}
			if len(p.Blocks) != 1 || p.Blocks[0].Text != tt.text {
				t.Errorf("blocks = %q, want the text", texts(p))
			}
			if p.Encoding != name {
				t.Errorf("Page.Encoding = %q, Decode said %q", p.Encoding, name)
			}
		})
	}
}

// TestDecodeInvalidUTF8 checks pages declared UTF-8 whose bytes are not:
// Latin-1 text pasted in is read as Windows-1252, the UTF-8 around it as
// UTF-8, and a sequence cut short, or a byte Windows-1252 leaves undefined,
// becomes U+FFFD.
func TestDecodeInvalidUTF8(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"caf\xe9 ok", "café ok"},
		{"na\xefve \xe9t\xe9, 5\x80 \x93quoted\x94", "naïve été, 5€ “quoted”"},
		{"caf\xc3\xa9 and caf\xe9", "café and café"},     // both in one page
		{"cut \xe2\x80 short", "cut \uFFFD short"},       // a sequence cut short
		{"end \xf0\x9f\x98", "end \uFFFD"},               // cut at the end
		{"undefined \x81 byte", "undefined \uFFFD byte"}, // no Windows-1252 character
		{"\xe9\xe9 twice", "éé twice"},                   // lead bytes, not followed by continuations
	} {
		in := []byte(page(`<meta charset="utf-8">`, c.body))
		out, name, err := Decode(in, "")
		if err != nil {
			t.Fatal(err)
		}
		if name != "utf-8" || !utf8.Valid(out) || !strings.Contains(string(out), c.want) {
			t.Errorf("Decode(%q) = %q, %q; want utf-8 holding %q", c.body, out, name, c.want)
		}
	}
}
