/*
 * pdf_emit_font.c — TrueType faces for the emitter, and the repair of
 * what libharu 2.3.0 writes for them.
 *
 * With the UTF-8 encoder libharu makes each face a Type0 font with
 * /Encoding /Identity-H: the code of a glyph in the content stream is
 * its Unicode code point (BMP only) and /CIDToGIDMap maps it to the
 * glyph.  Three parts of that font are wrong or wasteful:
 *
 *  - its /ToUnicode stream is an encoding CMap ("begincidrange"), not
 *    a ToUnicode CMap: poppler warns "Invalid 'begincidrange' operator"
 *    for each font and other readers may extract nothing;
 *  - /W lists the width of every character of the font (tens of kB of
 *    uncompressed text per face);
 *  - /CIDToGIDMap covers the whole BMP (128 kB before compression).
 *
 * Before saving, emit_font_finish() rewrites the three from the set of
 * code points actually drawn with each face: a bfrange/bfchar CMap
 * mapping each code to itself, /W for those codes only, and a map up to
 * the largest code drawn.  libharu writes these objects at save time,
 * so replacing their contents beforehand is enough.
 */
#include <string.h>

#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "pdf_emit.h"
#include "util.h"

/* The PDF reference limits each begin...end section to 100 entries. */
#define CMAP_SECTION_MAX 100

static const char *const face_name[EMIT_NFONTS] = {
	"regular", "bold", "italic", "bold italic", "pictograms",
	"fallback regular", "fallback bold", "fallback italic",
	"fallback bold italic"
};

static int
used_get(const unsigned char *f, unsigned int cp)
{
	return (f[cp >> 3] >> (cp & 7)) & 1;
}

/*
 * libharu's Type0 font of a loaded TrueType file.  Making it, libharu
 * looks up the glyph of each of the 65 536 codes (a search through the
 * font's cmap segments: ~30 M instructions per font and file, most of
 * the emitter's cost for a small booklet) to write /W and /CIDToGIDMap,
 * both of which emit_font_finish() replaces.  So it is shown a cmap of
 * one empty segment meanwhile (every code: glyph 0, width of the
 * missing glyph, no /W entry), and the real one is put back.
 */
static HPDF_Font
S_type0_new(struct emit *e, const char *name)
{
	static HPDF_UINT16 end[1] = { 0xFFFF }, start[1] = { 0xFFFF };
	static HPDF_UINT16 range[1] = { 0 };
	static HPDF_INT16 delta[1] = { 1 };	/* 0xFFFF + 1: glyph 0 */
	HPDF_FontDef	 def = HPDF_GetFontDef(e->pdf, name);
	HPDF_TTFontDefAttr attr;
	HPDF_TTF_CmapRange saved;
	HPDF_Font	 font;

	if (def == NULL || def->type != HPDF_FONTDEF_TYPE_TRUETYPE ||
	    (attr = (HPDF_TTFontDefAttr)def->attr)->cmap.format != 4)
		return HPDF_GetFont(e->pdf, name, "UTF-8");
	saved = attr->cmap;
	attr->cmap.seg_count_x2 = 2;
	attr->cmap.end_count = end;
	attr->cmap.start_count = start;
	attr->cmap.id_delta = delta;
	attr->cmap.id_range_offset = range;
	font = HPDF_GetFont(e->pdf, name, "UTF-8");
	attr->cmap = saved;
	return font;
}

/*
 * Return the libharu font of the face, loading the TrueType file (embedded,
 * subset) the first time.  NULL on error (diagnostic appended once).
 */
HPDF_Font
emit_font_get(struct emit *e, int face)
{
	struct emit_font *f = &e->font[face];
	const char	*path = face < FACE__COUNT ? e->doc->font_path[face] :
			    e->doc->fallback_path[face - FACE__COUNT];
	const char	*name;
	size_t		 nerr = e->nerr;

	if (f->font != NULL || f->failed)
		return f->font;
	if (path == NULL) {
		diag_error(e->d, e->out, 0, 0,
		    "no font for the %s face", face_name[face]);
		f->failed = 1;
		return NULL;
	}
	name = HPDF_LoadTTFontFromFile(e->pdf, path, HPDF_TRUE);
	if (name != NULL)
		f->font = S_type0_new(e, name);
	if (f->font == NULL) {
		diag_error(e->d, path, 0, 0, "the PDF library cannot read this "
		    "TrueType font (error 0x%04X, detail %u)",
		    (unsigned)e->last_err, (unsigned)e->last_detail);
		f->failed = 1;
		/* Reported here: not again as a generic libharu error. */
		e->nerr = nerr;
		HPDF_ResetError(e->pdf);
	}
	return f->font;
}

/*
 * Clean one run of text for a face: drop what libharu cannot encode
 * (invalid UTF-8, characters beyond the BMP, controls, U+00AD) and mark
 * the remaining code points as used.  Allocated.
 */
/* Whether the TrueType font of index i maps cp to a glyph. */
static int
S_font_has(struct emit *e, int i, unsigned int cp)
{
	HPDF_Font	 font = emit_font_get(e, i);
	HPDF_FontAttr	 attr;

	if (font == NULL)
		return 1;	/* reported; draw nothing better */
	attr = (HPDF_FontAttr)font->attr;
	return HPDF_TTFontDef_GetGlyphid(attr->fontdef,
	    (HPDF_UINT16)cp) != 0;
}

void
emit_font_runs(struct emit *e, enum pdf_face face, const char *s,
    void (*run)(void *, int, const char *, size_t), void *arg)
{
	size_t		 n = strlen(s), k, start = 0, off;
	unsigned int	 cp;
	int		 cur = -1, want;

	for (off = 0; off < n; off += k) {
		if ((k = utf8_decode(s + off, n - off, &cp)) == 0) {
			k = 1;
			continue;
		}
		want = (int)face;
		if ((int)face < 4 && cp <= 0xFFFF &&
		    e->doc->fallback_path[face] != NULL &&
		    !S_font_has(e, (int)face, cp))
			want = EMIT_FB(face);
		if (want != cur) {
			if (cur >= 0 && off > start)
				run(arg, cur, s + start, off - start);
			cur = want;
			start = off;
		}
	}
	if (cur >= 0 && n > start)
		run(arg, cur, s + start, n - start);
}

char *
emit_font_text(struct emit *e, int face, const char *s)
{
	unsigned char	*used = e->sh->used[face];
	struct buf	 b;
	size_t		 n = strlen(s), k;
	unsigned int	 cp;

	buf_init(&b);
	while (n > 0) {
		if ((k = utf8_decode(s, n, &cp)) == 0) {
			s++, n--;
			continue;
		}
		if (cp >= 0x20 && cp <= 0xFFFF && cp != 0x7F &&
		    cp != 0xAD && (cp < 0x80 || cp > 0x9F)) {
			buf_put(&b, s, k);
			used[cp >> 3] |= (unsigned char)(1u << (cp & 7));
		}
		s += k, n -= k;
	}
	return buf_detach(&b);
}

/* Write a ToUnicode CMap mapping every used code to itself. */
static void
cmap_write(const unsigned char *f, struct buf *b)
{
	struct buf	 ranges, chars;
	size_t		 nr = 0, nc = 0;
	unsigned int	 cp, end;

	buf_init(&ranges);
	buf_init(&chars);
	buf_puts(b, "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (cp = 0; cp <= 0xFFFF; cp++) {
		if (!used_get(f, cp))
			continue;
		/* A range may only vary in its last byte. */
		for (end = cp; end < 0xFFFF && (end & 0xFF) != 0xFF &&
		    used_get(f, end + 1); end++)
			continue;
		if (end > cp) {
			buf_printf(&ranges, "<%04X> <%04X> <%04X>\n",
			    cp, end, cp);
			if (++nr % CMAP_SECTION_MAX == 0) {
				buf_printf(b, "%d beginbfrange\n%sendbfrange\n",
				    CMAP_SECTION_MAX, buf_cstr(&ranges));
				buf_reset(&ranges);
			}
		} else {
			buf_printf(&chars, "<%04X> <%04X>\n", cp, cp);
			if (++nc % CMAP_SECTION_MAX == 0) {
				buf_printf(b, "%d beginbfchar\n%sendbfchar\n",
				    CMAP_SECTION_MAX, buf_cstr(&chars));
				buf_reset(&chars);
			}
		}
		cp = end;
	}
	if (nr % CMAP_SECTION_MAX)
		buf_printf(b, "%zu beginbfrange\n%sendbfrange\n",
		    nr % CMAP_SECTION_MAX, buf_cstr(&ranges));
	if (nc % CMAP_SECTION_MAX)
		buf_printf(b, "%zu beginbfchar\n%sendbfchar\n",
		    nc % CMAP_SECTION_MAX, buf_cstr(&chars));
	buf_puts(b, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
	    "end\nend\n");
	buf_free(&ranges);
	buf_free(&chars);
}

/* Replace the contents of a stream object by b. */
static int
stream_replace(HPDF_Dict obj, const struct buf *b)
{
	HPDF_MemStream_FreeData(obj->stream);
	return HPDF_Stream_Write(obj->stream,
	    (const HPDF_BYTE *)buf_cstr(b), (HPDF_UINT)b->len) == HPDF_OK;
}

/* /W for the used codes: runs of consecutive codes as c [w1 w2 ...]. */
static int
widths_write(struct emit *e, const unsigned char *f, HPDF_FontAttr attr)
{
	HPDF_Array	 w, run = NULL;
	unsigned int	 cp;
	HPDF_UINT16	 gid;
	HPDF_STATUS	 rc = HPDF_OK;

	if ((w = HPDF_Array_New(e->pdf->mmgr)) == NULL)
		return 0;
	for (cp = 0; cp <= 0xFFFF && rc == HPDF_OK; cp++) {
		if (!used_get(f, cp)) {
			run = NULL;
			continue;
		}
		if (run == NULL) {
			rc = HPDF_Array_AddNumber(w, (HPDF_INT32)cp);
			if (rc != HPDF_OK ||
			    (run = HPDF_Array_New(e->pdf->mmgr)) == NULL ||
			    HPDF_Array_Add(w, run) != HPDF_OK)
				return 0;
		}
		gid = HPDF_TTFontDef_GetGlyphid(attr->fontdef, (HPDF_UINT16)cp);
		rc = HPDF_Array_AddNumber(run,
		    HPDF_TTFontDef_GetGidWidth(attr->fontdef, gid));
	}
	if (rc != HPDF_OK)
		return 0;
	/* Replaces (and frees) libharu's array of every character. */
	return HPDF_Dict_Add(attr->descendant_font, "W", w) == HPDF_OK;
}

/* /CIDToGIDMap up to the largest used code, zero for unused codes. */
static int
gidmap_write(const unsigned char *f, HPDF_FontAttr attr)
{
	struct buf	 b;
	unsigned int	 cp, max = 0;
	HPDF_UINT16	 gid;
	int		 ok;

	if (attr->map_stream == NULL)
		return 1;
	for (cp = 0; cp <= 0xFFFF; cp++)
		if (f[cp >> 3] == 0)
			cp |= 7;	/* 8 codes unused */
		else if (used_get(f, cp))
			max = cp;
	buf_init(&b);
	for (cp = 0; cp <= max; cp++) {
		gid = used_get(f, cp) ?
		    HPDF_TTFontDef_GetGlyphid(attr->fontdef, (HPDF_UINT16)cp) : 0;
		buf_putc(&b, gid >> 8);
		buf_putc(&b, gid & 0xFF);
	}
	ok = stream_replace(attr->map_stream, &b);
	buf_free(&b);
	return ok;
}

void
emit_font_mark(struct emit *e)
{
	HPDF_FontAttr	 attr;
	const unsigned char *used;
	unsigned int	 cp;
	size_t		 i;

	for (i = 0; i < EMIT_NFONTS; i++) {
		if (e->font[i].font == NULL)
			continue;
		attr = (HPDF_FontAttr)e->font[i].font->attr;
		used = e->sh->used[i];
		for (cp = 0; cp <= 0xFFFF; cp++)
			if (used[cp >> 3] == 0)
				cp |= 7;	/* 8 codes unused */
			else if (used_get(used, cp))
				HPDF_TTFontDef_GetCharWidth(attr->fontdef,
				    (HPDF_UINT16)cp);
	}
}

int
emit_font_finish(struct emit *e)
{
	static const char *const drop[] = {
		"Type", "CMapName", "CIDSystemInfo", "WMode"
	};
	unsigned char	 used[65536 / 8];	/* codes of one font */
	struct emit_font *f;
	HPDF_FontAttr	 attr;
	struct buf	 b;
	size_t		 i, k, cp;
	int		 ok = 1;

	emit_font_mark(e);
	buf_init(&b);
	for (i = 0; i < EMIT_NFONTS && ok; i++) {
		f = &e->font[i];
		if (f->font == NULL)
			continue;
		/*
		 * Two faces from one file (a fallback found for two styles,
		 * a theme with one file for two) share libharu's font: its
		 * maps are written once, for the codes drawn by either,
		 * else the last face's maps leave the other's glyphs blank.
		 */
		for (k = 0; k < i && e->font[k].font != f->font; k++)
			continue;
		if (k < i)
			continue;
		memcpy(used, e->sh->used[i], sizeof(used));
		for (k = i + 1; k < EMIT_NFONTS; k++)
			if (e->font[k].font == f->font)
				for (cp = 0; cp < sizeof(used); cp++)
					used[cp] |= e->sh->used[k][cp];
		attr = (HPDF_FontAttr)f->font->attr;
		if (attr->cmap_stream != NULL) {
			/* Keys of an encoding CMap (libharu sets all four),
			 * meaningless in a ToUnicode stream. */
			for (k = 0; k < sizeof(drop) / sizeof(drop[0]); k++)
				HPDF_Dict_RemoveElement(attr->cmap_stream,
				    drop[k]);
			buf_reset(&b);
			cmap_write(used, &b);
			ok = stream_replace(attr->cmap_stream, &b);
		}
		if (ok && attr->descendant_font != NULL)
			ok = widths_write(e, used, attr);
		if (ok)
			ok = gidmap_write(used, attr);
	}
	buf_free(&b);
	return ok;
}
