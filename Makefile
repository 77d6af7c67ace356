# annuaire — plain GNU Makefile.  See README.md.
#   make              install missing Debian packages (as root), build, generate out/
#   make check        every test; ends with "N passed, N failed[, N skipped]"
#   make check-sanitize   the C suites again under ASan+UBSan (also part of check)
#   make mutate       mutation testing (tests/mutants/*.mut): MUTANTS=, ONLY=id,id, STAGE2=0
#   make bench        the benchmark: BENCH_SIZES="1000 10000", BENCH_RUNS=3 -> bench/RESULTS.md
#   make install / uninstall   PREFIX, DESTDIR

PREFIX	?= /usr/local
BINDIR	 = $(PREFIX)/bin
MANDIR	 = $(PREFIX)/share/man
DATADIR	 = $(PREFIX)/share/annuaire

CC	?= cc
CFLAGS	?= -O2 -g
WARNS	 = -std=c17 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wpointer-arith -Wformat=2
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	   -DANNUAIRE_DATADIR='"$(DATADIR)"'
PKGS	 = yaml-0.1 libcmark fontconfig freetype2 libpng libqrencode \
	   libutf8proc libjpeg libdeflate libmicrohttpd libcgraph libgvc
# Recursive (=) so that pkg-config is asked after `deps` has installed it.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null || \
	     echo -lyaml -lcmark -lfontconfig -lfreetype -lpng16 -lqrencode \
	     -lutf8proc -ljpeg -ldeflate -lmicrohttpd -lcgraph -lgvc)
# libstemmer (Snowball) has no .pc file in Debian: plain -lstemmer then.
STEMMER_LIBS = $(shell pkg-config --libs libstemmer 2>/dev/null || echo -lstemmer)
LDLIBS	 = $(PKG_LIBS) $(STEMMER_LIBS) -lhpdf -lhyphen -lz -lm -lpthread

SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	    -fno-sanitize-recover=undefined

# Quiet rules: "CC file"; `make V=1` prints the full commands.
V	?= 0
ifeq ($(V),0)
Q	 = @
E	 = @echo
else
Q	 =
E	 = @:
endif

BUILD	?= build
SRCS	 = $(sort $(wildcard src/*.c))
OBJS	 = $(SRCS:src/%.c=$(BUILD)/%.o)
LIBOBJS	 = $(filter-out $(BUILD)/main.o,$(OBJS))
TESTSRCS = $(sort $(wildcard tests/unit/test_*.c))
TESTBINS = $(TESTSRCS:tests/unit/%.c=$(BUILD)/tests/%)

-include Makefile.local

.PHONY: all deps deps-test build out check check-sanitize test-bins \
	san-build bench install uninstall clean lint mutate

all: deps build out

deps:
	@sh tools/deps.sh build

deps-test:
	@sh tools/deps.sh test

build: annuaire

annuaire: $(BUILD)/annuaire
	$(Q)cp $(BUILD)/annuaire annuaire

$(BUILD)/annuaire: $(OBJS)
	$(E) "  LD      $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

$(BUILD)/%.o: src/%.c
	@mkdir -p $(@D)
	$(E) "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(WARNS) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJS)
	@mkdir -p $(@D)
	$(E) "  CC      $@"
	$(Q)$(CC) $(CPPFLAGS) $(WARNS) $(CFLAGS) $(PKG_CFLAGS) -Isrc -MMD -MP \
	    -MF $@.d -o $@ $< $(LIBOBJS) $(LDFLAGS) $(LDLIBS) -lcmocka

test-bins: $(BUILD)/annuaire $(TESTBINS)

# Test helpers (tests/tools/*.c), linked like the unit tests.
TOOLSRCS = $(sort $(wildcard tests/tools/*.c))
TOOLBINS = $(TOOLSRCS:tests/tools/%.c=$(BUILD)/tools/%)
test-bins: $(TOOLBINS)

$(BUILD)/tools/%: tests/tools/%.c $(LIBOBJS)
	@mkdir -p $(@D)
	$(E) "  CC      $@"
	$(Q)$(CC) $(CPPFLAGS) $(WARNS) $(CFLAGS) $(PKG_CFLAGS) -Isrc -o $@ $< \
	    $(LIBOBJS) $(LDFLAGS) $(LDLIBS)

# The generated output: `annuaire build` writes out/ atomically.
out: annuaire
	./annuaire build

san-build:
	@$(MAKE) --no-print-directory BUILD=build-san CFLAGS='$(SAN_FLAGS)' LDFLAGS='$(SAN_FLAGS)' test-bins

check: deps deps-test
	@$(MAKE) --no-print-directory test-bins
	@$(MAKE) --no-print-directory san-build
	@tests/run --build $(BUILD) --san-build build-san

check-sanitize: deps deps-test san-build
	@tests/run --build build-san --only-san

bench: deps build
	@sh bench/run.sh

# Mutation testing: not part of check (slow); tools/mutate.py says how.
# Writes build/mutate-report.txt and prints the score.
mutate: deps deps-test
	@$(MAKE) --no-print-directory test-bins
	@python3 tools/mutate.py $(if $(MUTANTS),--mutants $(MUTANTS)) \
	    $(if $(ONLY),--only '$(ONLY)') $(if $(filter 0,$(STAGE2)),--no-stage2)

install: annuaire
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(DATADIR)/themes \
	    $(DESTDIR)$(MANDIR)/fr/man1 $(DESTDIR)$(MANDIR)/fr/man5
	install -m 755 annuaire $(DESTDIR)$(BINDIR)/annuaire
	install -m 644 docs/annuaire.1 $(DESTDIR)$(MANDIR)/man1/annuaire.1
	install -m 644 docs/annuaire.5 $(DESTDIR)$(MANDIR)/man5/annuaire.5
	install -m 644 docs/fr/annuaire.1 $(DESTDIR)$(MANDIR)/fr/man1/annuaire.1
	install -m 644 docs/fr/annuaire.5 $(DESTDIR)$(MANDIR)/fr/man5/annuaire.5
	cp -R themes/default $(DESTDIR)$(DATADIR)/themes/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/annuaire $(DESTDIR)$(MANDIR)/man1/annuaire.1 \
	    $(DESTDIR)$(MANDIR)/man5/annuaire.5 \
	    $(DESTDIR)$(MANDIR)/fr/man1/annuaire.1 \
	    $(DESTDIR)$(MANDIR)/fr/man5/annuaire.5
	rm -rf $(DESTDIR)$(DATADIR)

lint:
	mandoc -Tlint -Wwarning docs/annuaire.1 docs/annuaire.5

clean:
	rm -rf build build-san build-fuzz annuaire

# ---- fuzzing: tests/fuzz (libFuzzer harnesses and their replay) ------
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_NAMES="layout emit"] [FUZZ_JOBS=2]
#   make fuzz-report
# builds the harnesses with clang + libFuzzer + ASan/UBSan in build-fuzz/
# and runs them FUZZ_JOBS at a time (one per core), each for FUZZ_SECONDS
# with -print_final_stats=1 and its dictionary tests/fuzz/NAME.dict if
# any, on its working corpus build-fuzz/corpus/NAME (new inputs go there)
# and the kept corpus tests/fuzz/corpus/NAME; crashes go to
# build-fuzz/crashes/NAME/.  Then each working corpus is minimised into
# the kept one (-merge=1: only inputs that add coverage, at most
# FUZZ_MAXLEN bytes), so the next run starts where this one ended.
# fuzz-report prints the table of the last run (tests/fuzz/fuzz.sh).
# The replay binaries run the same harnesses on the kept corpus without
# libFuzzer (tests/suites/fuzz-replay.sh, part of make check).
FUZZ_NAMES	?= load template markdown typo validate layout emit
FUZZ_ALL	 = load template markdown typo validate layout emit
FUZZ_SECONDS	?= 60
FUZZ_JOBS	?= 2
FUZZ_MAXLEN	?= 4096
FUZZ_DIR	 = build-fuzz
FUZZ_SAN	 = -O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=undefined \
		   -fsanitize=address,undefined
FUZZBINS	 = $(FUZZ_ALL:%=$(BUILD)/fuzz/replay_%)
# fuzz_emit checks its PDFs with qpdf's library when libqpdf-dev is there.
QPDF_CFLAGS	 = $(shell pkg-config --exists libqpdf 2>/dev/null && echo -DHAVE_QPDF)
QPDF_LIBS	 = $(shell pkg-config --libs libqpdf 2>/dev/null)

.PHONY: fuzz fuzz-bins fuzz-report

test-bins: $(FUZZBINS)

$(BUILD)/fuzz/replay_emit $(BUILD)/fuzz_emit: CPPFLAGS += $(QPDF_CFLAGS)
$(BUILD)/fuzz/replay_emit $(BUILD)/fuzz_emit: LDLIBS += $(QPDF_LIBS)

$(BUILD)/fuzz/replay_%: tests/fuzz/replay.c tests/fuzz/fuzz_%.c $(LIBOBJS)
	@mkdir -p $(@D)
	$(E) "  CC      $@"
	$(Q)$(CC) $(CPPFLAGS) $(WARNS) $(CFLAGS) $(PKG_CFLAGS) -Isrc -o $@ \
	    tests/fuzz/replay.c tests/fuzz/fuzz_$*.c $(LIBOBJS) $(LDFLAGS) $(LDLIBS)

# Only with BUILD=$(FUZZ_DIR) and CC=clang, as `make fuzz` calls it.
fuzz-bins: $(FUZZ_NAMES:%=$(BUILD)/fuzz_%)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(LIBOBJS)
	$(E) "  CC      $@"
	$(Q)$(CC) $(CPPFLAGS) $(WARNS) $(CFLAGS) $(PKG_CFLAGS) -Isrc \
	    -fsanitize=fuzzer -o $@ $< $(LIBOBJS) $(LDFLAGS) $(LDLIBS)

fuzz:
	$(MAKE) BUILD=$(FUZZ_DIR) CC=clang FUZZ_NAMES='$(FUZZ_NAMES)' \
	    CFLAGS='$(FUZZ_SAN) -fsanitize=fuzzer-no-link -Wno-format-nonliteral' \
	    LDFLAGS='$(FUZZ_SAN)' fuzz-bins
	@FUZZ_DIR=$(FUZZ_DIR) FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) \
	    FUZZ_MAXLEN=$(FUZZ_MAXLEN) sh tests/fuzz/fuzz.sh run $(FUZZ_NAMES)

fuzz-report:
	@FUZZ_DIR=$(FUZZ_DIR) sh tests/fuzz/fuzz.sh report
# ---- end of fuzzing ----------------------------------------------------

# ---- messages: GNU gettext (src/i18n.h, po/) ---------------------------
#   make          compiles po/LANG.po to BUILD/locale/LANG/LC_MESSAGES/annuaire.mo
#   make pot      extracts the messages of src/*.c into po/annuaire.pot and
#                 merges them into po/LANG.po; then translate what msgfmt
#                 --statistics calls untranslated or fuzzy (docs/HACKING.md)
# The functions that consume a message format translate it themselves,
# so xgettext finds the formats by argument position: every function
# that takes a format and calls diag_vadd() (or gettext()) on it belongs
# in XGETTEXT_FMT as name:ARG (the i18n suite checks this).
LOCALEDIR	 = $(PREFIX)/share/locale
CPPFLAGS	+= -DANNUAIRE_LOCALEDIR='"$(LOCALEDIR)"'
LINGUAS		 = fr
MOFILES		 = $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/annuaire.mo)
XGETTEXT_FMT	 = diag_error:5 diag_warn:5 diag_add:6 load_err:3 load_warn:3 \
		   S_di_err:3 S_di_warn:3 S_error:3 S_tpl_error:4 S_fail:2 S_usage_error:2 S_say:1 \
		   S_serve_say:1 say:1
XGETTEXT_OPTS	 = --language=C --from-code=UTF-8 --add-location=file \
		   --add-comments=TRANSLATORS: --package-name=annuaire \
		   --msgid-bugs-address="see docs/HACKING.md" -k_ -kN_ -kC_:1c,2 \
		   $(XGETTEXT_FMT:%=-k%) $(XGETTEXT_FMT:%=--flag=%:c-format)

.PHONY: pot pot-extract install-mo uninstall-mo

build test-bins: $(MOFILES)

$(BUILD)/locale/%/LC_MESSAGES/annuaire.mo: po/%.po
	@mkdir -p $(@D)
	$(E) "  MSGFMT  $@"
	$(Q)msgfmt --check -o $@ $<

# POT_OUT: the i18n suite extracts into a scratch file and compares.
POT_OUT		?= po/annuaire.pot
# The file is left alone when only its POT-Creation-Date would change.
pot-extract:
	xgettext $(XGETTEXT_OPTS) -o $(POT_OUT).new $(SRCS)
	@if [ -f $(POT_OUT) ] && diff -q -I '^"POT-Creation-Date:' \
	    $(POT_OUT) $(POT_OUT).new >/dev/null; then rm -f $(POT_OUT).new; \
	else mv $(POT_OUT).new $(POT_OUT); fi

pot: pot-extract
	@for l in $(LINGUAS); do \
	    msgmerge --quiet --update --backup=none --add-location=file \
	        po/$$l.po po/annuaire.pot && \
	    printf 'po/%s.po: ' $$l && \
	    msgfmt --check --statistics -o /dev/null po/$$l.po 2>&1; \
	done

install: install-mo
install-mo: $(MOFILES)
	@for l in $(LINGUAS); do \
	    install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/annuaire.mo \
	        $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/annuaire.mo || exit 1; \
	done

uninstall: uninstall-mo
uninstall-mo:
	@for l in $(LINGUAS); do \
	    rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/annuaire.mo; \
	done
# ---- end of messages ---------------------------------------------------

-include $(OBJS:.o=.d) $(TESTBINS:=.d)
