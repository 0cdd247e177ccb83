import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  ipmArchiveFileName,
  isIpmArchiveFileName
} from "./chunk-ULIA56ZP.js";
import {
  irisMajorMinor,
  isIrisMajorMinor,
  isSemver,
  isSha256Hex
} from "./chunk-PM3QVZWA.js";
import {
  IpmDbError,
  UsageError,
  __commonJS,
  __toESM
} from "./chunk-PS7E4X32.js";

// node_modules/xmlchars/xml/1.0/ed5.js
var require_ed5 = __commonJS({
  "node_modules/xmlchars/xml/1.0/ed5.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CHAR = "	\n\r -\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}";
    exports.S = " 	\r\n";
    exports.NAME_START_CHAR = ":A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
    exports.NAME_CHAR = "-" + exports.NAME_START_CHAR + ".0-9\xB7\u0300-\u036F\u203F-\u2040";
    exports.CHAR_RE = new RegExp("^[" + exports.CHAR + "]$", "u");
    exports.S_RE = new RegExp("^[" + exports.S + "]+$", "u");
    exports.NAME_START_CHAR_RE = new RegExp("^[" + exports.NAME_START_CHAR + "]$", "u");
    exports.NAME_CHAR_RE = new RegExp("^[" + exports.NAME_CHAR + "]$", "u");
    exports.NAME_RE = new RegExp("^[" + exports.NAME_START_CHAR + "][" + exports.NAME_CHAR + "]*$", "u");
    exports.NMTOKEN_RE = new RegExp("^[" + exports.NAME_CHAR + "]+$", "u");
    var TAB = 9;
    var NL = 10;
    var CR = 13;
    var SPACE = 32;
    exports.S_LIST = [SPACE, NL, CR, TAB];
    function isChar(c) {
      return c >= SPACE && c <= 55295 || c === NL || c === CR || c === TAB || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111;
    }
    exports.isChar = isChar;
    function isS(c) {
      return c === SPACE || c === NL || c === CR || c === TAB;
    }
    exports.isS = isS;
    function isNameStartChar(c) {
      return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 58 || c === 95 || c === 8204 || c === 8205 || c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
    }
    exports.isNameStartChar = isNameStartChar;
    function isNameChar(c) {
      return isNameStartChar(c) || c >= 48 && c <= 57 || c === 45 || c === 46 || c === 183 || c >= 768 && c <= 879 || c >= 8255 && c <= 8256;
    }
    exports.isNameChar = isNameChar;
  }
});

// node_modules/xmlchars/xml/1.1/ed2.js
var require_ed2 = __commonJS({
  "node_modules/xmlchars/xml/1.1/ed2.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CHAR = "-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}";
    exports.RESTRICTED_CHAR = "-\b\v\f-\x7F-\x84\x86-\x9F";
    exports.S = " 	\r\n";
    exports.NAME_START_CHAR = ":A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
    exports.NAME_CHAR = "-" + exports.NAME_START_CHAR + ".0-9\xB7\u0300-\u036F\u203F-\u2040";
    exports.CHAR_RE = new RegExp("^[" + exports.CHAR + "]$", "u");
    exports.RESTRICTED_CHAR_RE = new RegExp("^[" + exports.RESTRICTED_CHAR + "]$", "u");
    exports.S_RE = new RegExp("^[" + exports.S + "]+$", "u");
    exports.NAME_START_CHAR_RE = new RegExp("^[" + exports.NAME_START_CHAR + "]$", "u");
    exports.NAME_CHAR_RE = new RegExp("^[" + exports.NAME_CHAR + "]$", "u");
    exports.NAME_RE = new RegExp("^[" + exports.NAME_START_CHAR + "][" + exports.NAME_CHAR + "]*$", "u");
    exports.NMTOKEN_RE = new RegExp("^[" + exports.NAME_CHAR + "]+$", "u");
    var TAB = 9;
    var NL = 10;
    var CR = 13;
    var SPACE = 32;
    exports.S_LIST = [SPACE, NL, CR, TAB];
    function isChar(c) {
      return c >= 1 && c <= 55295 || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111;
    }
    exports.isChar = isChar;
    function isRestrictedChar(c) {
      return c >= 1 && c <= 8 || c === 11 || c === 12 || c >= 14 && c <= 31 || c >= 127 && c <= 132 || c >= 134 && c <= 159;
    }
    exports.isRestrictedChar = isRestrictedChar;
    function isCharAndNotRestricted(c) {
      return c === 9 || c === 10 || c === 13 || c > 31 && c < 127 || c === 133 || c > 159 && c <= 55295 || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111;
    }
    exports.isCharAndNotRestricted = isCharAndNotRestricted;
    function isS(c) {
      return c === SPACE || c === NL || c === CR || c === TAB;
    }
    exports.isS = isS;
    function isNameStartChar(c) {
      return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 58 || c === 95 || c === 8204 || c === 8205 || c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
    }
    exports.isNameStartChar = isNameStartChar;
    function isNameChar(c) {
      return isNameStartChar(c) || c >= 48 && c <= 57 || c === 45 || c === 46 || c === 183 || c >= 768 && c <= 879 || c >= 8255 && c <= 8256;
    }
    exports.isNameChar = isNameChar;
  }
});

// node_modules/xmlchars/xmlns/1.0/ed3.js
var require_ed3 = __commonJS({
  "node_modules/xmlchars/xmlns/1.0/ed3.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.NC_NAME_START_CHAR = "A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
    exports.NC_NAME_CHAR = "-" + exports.NC_NAME_START_CHAR + ".0-9\xB7\u0300-\u036F\u203F-\u2040";
    exports.NC_NAME_START_CHAR_RE = new RegExp("^[" + exports.NC_NAME_START_CHAR + "]$", "u");
    exports.NC_NAME_CHAR_RE = new RegExp("^[" + exports.NC_NAME_CHAR + "]$", "u");
    exports.NC_NAME_RE = new RegExp("^[" + exports.NC_NAME_START_CHAR + "][" + exports.NC_NAME_CHAR + "]*$", "u");
    function isNCNameStartChar(c) {
      return c >= 65 && c <= 90 || c === 95 || c >= 97 && c <= 122 || c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c >= 8204 && c <= 8205 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
    }
    exports.isNCNameStartChar = isNCNameStartChar;
    function isNCNameChar(c) {
      return isNCNameStartChar(c) || (c === 45 || c === 46 || c >= 48 && c <= 57 || c === 183 || c >= 768 && c <= 879 || c >= 8255 && c <= 8256);
    }
    exports.isNCNameChar = isNCNameChar;
  }
});

// node_modules/saxes/saxes.js
var require_saxes = __commonJS({
  "node_modules/saxes/saxes.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SaxesParser = exports.EVENTS = void 0;
    var ed5 = require_ed5();
    var ed2 = require_ed2();
    var NSed3 = require_ed3();
    var isS = ed5.isS;
    var isChar10 = ed5.isChar;
    var isNameStartChar = ed5.isNameStartChar;
    var isNameChar = ed5.isNameChar;
    var S_LIST = ed5.S_LIST;
    var NAME_RE = ed5.NAME_RE;
    var isChar11 = ed2.isChar;
    var isNCNameStartChar = NSed3.isNCNameStartChar;
    var isNCNameChar = NSed3.isNCNameChar;
    var NC_NAME_RE = NSed3.NC_NAME_RE;
    var XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
    var XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
    var rootNS = {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
      __proto__: null,
      xml: XML_NAMESPACE,
      xmlns: XMLNS_NAMESPACE
    };
    var XML_ENTITIES = {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
      __proto__: null,
      amp: "&",
      gt: ">",
      lt: "<",
      quot: '"',
      apos: "'"
    };
    var EOC = -1;
    var NL_LIKE = -2;
    var S_BEGIN = 0;
    var S_BEGIN_WHITESPACE = 1;
    var S_DOCTYPE = 2;
    var S_DOCTYPE_QUOTE = 3;
    var S_DTD = 4;
    var S_DTD_QUOTED = 5;
    var S_DTD_OPEN_WAKA = 6;
    var S_DTD_OPEN_WAKA_BANG = 7;
    var S_DTD_COMMENT = 8;
    var S_DTD_COMMENT_ENDING = 9;
    var S_DTD_COMMENT_ENDED = 10;
    var S_DTD_PI = 11;
    var S_DTD_PI_ENDING = 12;
    var S_TEXT = 13;
    var S_ENTITY = 14;
    var S_OPEN_WAKA = 15;
    var S_OPEN_WAKA_BANG = 16;
    var S_COMMENT = 17;
    var S_COMMENT_ENDING = 18;
    var S_COMMENT_ENDED = 19;
    var S_CDATA = 20;
    var S_CDATA_ENDING = 21;
    var S_CDATA_ENDING_2 = 22;
    var S_PI_FIRST_CHAR = 23;
    var S_PI_REST = 24;
    var S_PI_BODY = 25;
    var S_PI_ENDING = 26;
    var S_XML_DECL_NAME_START = 27;
    var S_XML_DECL_NAME = 28;
    var S_XML_DECL_EQ = 29;
    var S_XML_DECL_VALUE_START = 30;
    var S_XML_DECL_VALUE = 31;
    var S_XML_DECL_SEPARATOR = 32;
    var S_XML_DECL_ENDING = 33;
    var S_OPEN_TAG = 34;
    var S_OPEN_TAG_SLASH = 35;
    var S_ATTRIB = 36;
    var S_ATTRIB_NAME = 37;
    var S_ATTRIB_NAME_SAW_WHITE = 38;
    var S_ATTRIB_VALUE = 39;
    var S_ATTRIB_VALUE_QUOTED = 40;
    var S_ATTRIB_VALUE_CLOSED = 41;
    var S_ATTRIB_VALUE_UNQUOTED = 42;
    var S_CLOSE_TAG = 43;
    var S_CLOSE_TAG_SAW_WHITE = 44;
    var TAB = 9;
    var NL = 10;
    var CR = 13;
    var SPACE = 32;
    var BANG = 33;
    var DQUOTE = 34;
    var AMP = 38;
    var SQUOTE = 39;
    var MINUS = 45;
    var FORWARD_SLASH = 47;
    var SEMICOLON = 59;
    var LESS = 60;
    var EQUAL = 61;
    var GREATER = 62;
    var QUESTION = 63;
    var OPEN_BRACKET = 91;
    var CLOSE_BRACKET = 93;
    var NEL = 133;
    var LS = 8232;
    var isQuote = (c) => c === DQUOTE || c === SQUOTE;
    var QUOTES = [DQUOTE, SQUOTE];
    var DOCTYPE_TERMINATOR = [...QUOTES, OPEN_BRACKET, GREATER];
    var DTD_TERMINATOR = [...QUOTES, LESS, CLOSE_BRACKET];
    var XML_DECL_NAME_TERMINATOR = [EQUAL, QUESTION, ...S_LIST];
    var ATTRIB_VALUE_UNQUOTED_TERMINATOR = [...S_LIST, GREATER, AMP, LESS];
    function nsPairCheck(parser, prefix, uri) {
      switch (prefix) {
        case "xml":
          if (uri !== XML_NAMESPACE) {
            parser.fail(`xml prefix must be bound to ${XML_NAMESPACE}.`);
          }
          break;
        case "xmlns":
          if (uri !== XMLNS_NAMESPACE) {
            parser.fail(`xmlns prefix must be bound to ${XMLNS_NAMESPACE}.`);
          }
          break;
        default:
      }
      switch (uri) {
        case XMLNS_NAMESPACE:
          parser.fail(prefix === "" ? `the default namespace may not be set to ${uri}.` : `may not assign a prefix (even "xmlns") to the URI ${XMLNS_NAMESPACE}.`);
          break;
        case XML_NAMESPACE:
          switch (prefix) {
            case "xml":
              break;
            case "":
              parser.fail(`the default namespace may not be set to ${uri}.`);
              break;
            default:
              parser.fail("may not assign the xml namespace to another prefix.");
          }
          break;
        default:
      }
    }
    function nsMappingCheck(parser, mapping) {
      for (const local of Object.keys(mapping)) {
        nsPairCheck(parser, local, mapping[local]);
      }
    }
    var isNCName = (name) => NC_NAME_RE.test(name);
    var isName = (name) => NAME_RE.test(name);
    var FORBIDDEN_START = 0;
    var FORBIDDEN_BRACKET = 1;
    var FORBIDDEN_BRACKET_BRACKET = 2;
    exports.EVENTS = [
      "xmldecl",
      "text",
      "processinginstruction",
      "doctype",
      "comment",
      "opentagstart",
      "attribute",
      "opentag",
      "closetag",
      "cdata",
      "error",
      "end",
      "ready"
    ];
    var EVENT_NAME_TO_HANDLER_NAME = {
      xmldecl: "xmldeclHandler",
      text: "textHandler",
      processinginstruction: "piHandler",
      doctype: "doctypeHandler",
      comment: "commentHandler",
      opentagstart: "openTagStartHandler",
      attribute: "attributeHandler",
      opentag: "openTagHandler",
      closetag: "closeTagHandler",
      cdata: "cdataHandler",
      error: "errorHandler",
      end: "endHandler",
      ready: "readyHandler"
    };
    var SaxesParser2 = class {
      /**
       * @param opt The parser options.
       */
      constructor(opt) {
        this.opt = opt !== null && opt !== void 0 ? opt : {};
        this.fragmentOpt = !!this.opt.fragment;
        const xmlnsOpt = this.xmlnsOpt = !!this.opt.xmlns;
        this.trackPosition = this.opt.position !== false;
        this.fileName = this.opt.fileName;
        if (xmlnsOpt) {
          this.nameStartCheck = isNCNameStartChar;
          this.nameCheck = isNCNameChar;
          this.isName = isNCName;
          this.processAttribs = this.processAttribsNS;
          this.pushAttrib = this.pushAttribNS;
          this.ns = Object.assign({ __proto__: null }, rootNS);
          const additional = this.opt.additionalNamespaces;
          if (additional != null) {
            nsMappingCheck(this, additional);
            Object.assign(this.ns, additional);
          }
        } else {
          this.nameStartCheck = isNameStartChar;
          this.nameCheck = isNameChar;
          this.isName = isName;
          this.processAttribs = this.processAttribsPlain;
          this.pushAttrib = this.pushAttribPlain;
        }
        this.stateTable = [
          /* eslint-disable @typescript-eslint/unbound-method */
          this.sBegin,
          this.sBeginWhitespace,
          this.sDoctype,
          this.sDoctypeQuote,
          this.sDTD,
          this.sDTDQuoted,
          this.sDTDOpenWaka,
          this.sDTDOpenWakaBang,
          this.sDTDComment,
          this.sDTDCommentEnding,
          this.sDTDCommentEnded,
          this.sDTDPI,
          this.sDTDPIEnding,
          this.sText,
          this.sEntity,
          this.sOpenWaka,
          this.sOpenWakaBang,
          this.sComment,
          this.sCommentEnding,
          this.sCommentEnded,
          this.sCData,
          this.sCDataEnding,
          this.sCDataEnding2,
          this.sPIFirstChar,
          this.sPIRest,
          this.sPIBody,
          this.sPIEnding,
          this.sXMLDeclNameStart,
          this.sXMLDeclName,
          this.sXMLDeclEq,
          this.sXMLDeclValueStart,
          this.sXMLDeclValue,
          this.sXMLDeclSeparator,
          this.sXMLDeclEnding,
          this.sOpenTag,
          this.sOpenTagSlash,
          this.sAttrib,
          this.sAttribName,
          this.sAttribNameSawWhite,
          this.sAttribValue,
          this.sAttribValueQuoted,
          this.sAttribValueClosed,
          this.sAttribValueUnquoted,
          this.sCloseTag,
          this.sCloseTagSawWhite
          /* eslint-enable @typescript-eslint/unbound-method */
        ];
        this._init();
      }
      /**
       * Indicates whether or not the parser is closed. If ``true``, wait for
       * the ``ready`` event to write again.
       */
      get closed() {
        return this._closed;
      }
      _init() {
        var _a;
        this.openWakaBang = "";
        this.text = "";
        this.name = "";
        this.piTarget = "";
        this.entity = "";
        this.q = null;
        this.tags = [];
        this.tag = null;
        this.topNS = null;
        this.chunk = "";
        this.chunkPosition = 0;
        this.i = 0;
        this.prevI = 0;
        this.carriedFromPrevious = void 0;
        this.forbiddenState = FORBIDDEN_START;
        this.attribList = [];
        const { fragmentOpt } = this;
        this.state = fragmentOpt ? S_TEXT : S_BEGIN;
        this.reportedTextBeforeRoot = this.reportedTextAfterRoot = this.closedRoot = this.sawRoot = fragmentOpt;
        this.xmlDeclPossible = !fragmentOpt;
        this.xmlDeclExpects = ["version"];
        this.entityReturnState = void 0;
        let { defaultXMLVersion } = this.opt;
        if (defaultXMLVersion === void 0) {
          if (this.opt.forceXMLVersion === true) {
            throw new Error("forceXMLVersion set but defaultXMLVersion is not set");
          }
          defaultXMLVersion = "1.0";
        }
        this.setXMLVersion(defaultXMLVersion);
        this.positionAtNewLine = 0;
        this.doctype = false;
        this._closed = false;
        this.xmlDecl = {
          version: void 0,
          encoding: void 0,
          standalone: void 0
        };
        this.line = 1;
        this.column = 0;
        this.ENTITIES = Object.create(XML_ENTITIES);
        (_a = this.readyHandler) === null || _a === void 0 ? void 0 : _a.call(this);
      }
      /**
       * The stream position the parser is currently looking at. This field is
       * zero-based.
       *
       * This field is not based on counting Unicode characters but is to be
       * interpreted as a plain index into a JavaScript string.
       */
      get position() {
        return this.chunkPosition + this.i;
      }
      /**
       * The column number of the next character to be read by the parser.  *
       * This field is zero-based. (The first column in a line is 0.)
       *
       * This field reports the index at which the next character would be in the
       * line if the line were represented as a JavaScript string.  Note that this
       * *can* be different to a count based on the number of *Unicode characters*
       * due to how JavaScript handles astral plane characters.
       *
       * See [[column]] for a number that corresponds to a count of Unicode
       * characters.
       */
      get columnIndex() {
        return this.position - this.positionAtNewLine;
      }
      /**
       * Set an event listener on an event. The parser supports one handler per
       * event type. If you try to set an event handler over an existing handler,
       * the old handler is silently overwritten.
       *
       * @param name The event to listen to.
       *
       * @param handler The handler to set.
       */
      on(name, handler) {
        this[EVENT_NAME_TO_HANDLER_NAME[name]] = handler;
      }
      /**
       * Unset an event handler.
       *
       * @parma name The event to stop listening to.
       */
      off(name) {
        this[EVENT_NAME_TO_HANDLER_NAME[name]] = void 0;
      }
      /**
       * Make an error object. The error object will have a message that contains
       * the ``fileName`` option passed at the creation of the parser. If position
       * tracking was turned on, it will also have line and column number
       * information.
       *
       * @param message The message describing the error to report.
       *
       * @returns An error object with a properly formatted message.
       */
      makeError(message) {
        var _a;
        let msg = (_a = this.fileName) !== null && _a !== void 0 ? _a : "";
        if (this.trackPosition) {
          if (msg.length > 0) {
            msg += ":";
          }
          msg += `${this.line}:${this.column}`;
        }
        if (msg.length > 0) {
          msg += ": ";
        }
        return new Error(msg + message);
      }
      /**
       * Report a parsing error. This method is made public so that client code may
       * check for issues that are outside the scope of this project and can report
       * errors.
       *
       * @param message The error to report.
       *
       * @returns this
       */
      fail(message) {
        const err = this.makeError(message);
        const handler = this.errorHandler;
        if (handler === void 0) {
          throw err;
        } else {
          handler(err);
        }
        return this;
      }
      /**
       * Write a XML data to the parser.
       *
       * @param chunk The XML data to write.
       *
       * @returns this
       */
      // We do need object for the type here. Yes, it often causes problems
      // but not in this case.
      write(chunk) {
        if (this.closed) {
          return this.fail("cannot write after close; assign an onready handler.");
        }
        let end = false;
        if (chunk === null) {
          end = true;
          chunk = "";
        } else if (typeof chunk === "object") {
          chunk = chunk.toString();
        }
        if (this.carriedFromPrevious !== void 0) {
          chunk = `${this.carriedFromPrevious}${chunk}`;
          this.carriedFromPrevious = void 0;
        }
        let limit = chunk.length;
        const lastCode = chunk.charCodeAt(limit - 1);
        if (!end && // A trailing CR or surrogate must be carried over to the next
        // chunk.
        (lastCode === CR || lastCode >= 55296 && lastCode <= 56319)) {
          this.carriedFromPrevious = chunk[limit - 1];
          limit--;
          chunk = chunk.slice(0, limit);
        }
        const { stateTable } = this;
        this.chunk = chunk;
        this.i = 0;
        while (this.i < limit) {
          stateTable[this.state].call(this);
        }
        this.chunkPosition += limit;
        return end ? this.end() : this;
      }
      /**
       * Close the current stream. Perform final well-formedness checks and reset
       * the parser tstate.
       *
       * @returns this
       */
      close() {
        return this.write(null);
      }
      /**
       * Get a single code point out of the current chunk. This updates the current
       * position if we do position tracking.
       *
       * This is the algorithm to use for XML 1.0.
       *
       * @returns The character read.
       */
      getCode10() {
        const { chunk, i } = this;
        this.prevI = i;
        this.i = i + 1;
        if (i >= chunk.length) {
          return EOC;
        }
        const code = chunk.charCodeAt(i);
        this.column++;
        if (code < 55296) {
          if (code >= SPACE || code === TAB) {
            return code;
          }
          switch (code) {
            case NL:
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL;
            case CR:
              if (chunk.charCodeAt(i + 1) === NL) {
                this.i = i + 2;
              }
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL_LIKE;
            default:
              this.fail("disallowed character.");
              return code;
          }
        }
        if (code > 56319) {
          if (!(code >= 57344 && code <= 65533)) {
            this.fail("disallowed character.");
          }
          return code;
        }
        const final = 65536 + (code - 55296) * 1024 + (chunk.charCodeAt(i + 1) - 56320);
        this.i = i + 2;
        if (final > 1114111) {
          this.fail("disallowed character.");
        }
        return final;
      }
      /**
       * Get a single code point out of the current chunk. This updates the current
       * position if we do position tracking.
       *
       * This is the algorithm to use for XML 1.1.
       *
       * @returns {number} The character read.
       */
      getCode11() {
        const { chunk, i } = this;
        this.prevI = i;
        this.i = i + 1;
        if (i >= chunk.length) {
          return EOC;
        }
        const code = chunk.charCodeAt(i);
        this.column++;
        if (code < 55296) {
          if (code > 31 && code < 127 || code > 159 && code !== LS || code === TAB) {
            return code;
          }
          switch (code) {
            case NL:
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL;
            case CR: {
              const next = chunk.charCodeAt(i + 1);
              if (next === NL || next === NEL) {
                this.i = i + 2;
              }
            }
            /* yes, fall through */
            case NEL:
            // 0x85
            case LS:
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL_LIKE;
            default:
              this.fail("disallowed character.");
              return code;
          }
        }
        if (code > 56319) {
          if (!(code >= 57344 && code <= 65533)) {
            this.fail("disallowed character.");
          }
          return code;
        }
        const final = 65536 + (code - 55296) * 1024 + (chunk.charCodeAt(i + 1) - 56320);
        this.i = i + 2;
        if (final > 1114111) {
          this.fail("disallowed character.");
        }
        return final;
      }
      /**
       * Like ``getCode`` but with the return value normalized so that ``NL`` is
       * returned for ``NL_LIKE``.
       */
      getCodeNorm() {
        const c = this.getCode();
        return c === NL_LIKE ? NL : c;
      }
      unget() {
        this.i = this.prevI;
        this.column--;
      }
      /**
       * Capture characters into a buffer until encountering one of a set of
       * characters.
       *
       * @param chars An array of codepoints. Encountering a character in the array
       * ends the capture. (``chars`` may safely contain ``NL``.)
       *
       * @return The character code that made the capture end, or ``EOC`` if we hit
       * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
       * instead.
       */
      captureTo(chars) {
        let { i: start } = this;
        const { chunk } = this;
        while (true) {
          const c = this.getCode();
          const isNLLike = c === NL_LIKE;
          const final = isNLLike ? NL : c;
          if (final === EOC || chars.includes(final)) {
            this.text += chunk.slice(start, this.prevI);
            return final;
          }
          if (isNLLike) {
            this.text += `${chunk.slice(start, this.prevI)}
`;
            start = this.i;
          }
        }
      }
      /**
       * Capture characters into a buffer until encountering a character.
       *
       * @param char The codepoint that ends the capture. **NOTE ``char`` MAY NOT
       * CONTAIN ``NL``.** Passing ``NL`` will result in buggy behavior.
       *
       * @return ``true`` if we ran into the character. Otherwise, we ran into the
       * end of the current chunk.
       */
      captureToChar(char) {
        let { i: start } = this;
        const { chunk } = this;
        while (true) {
          let c = this.getCode();
          switch (c) {
            case NL_LIKE:
              this.text += `${chunk.slice(start, this.prevI)}
`;
              start = this.i;
              c = NL;
              break;
            case EOC:
              this.text += chunk.slice(start);
              return false;
            default:
          }
          if (c === char) {
            this.text += chunk.slice(start, this.prevI);
            return true;
          }
        }
      }
      /**
       * Capture characters that satisfy ``isNameChar`` into the ``name`` field of
       * this parser.
       *
       * @return The character code that made the test fail, or ``EOC`` if we hit
       * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
       * instead.
       */
      captureNameChars() {
        const { chunk, i: start } = this;
        while (true) {
          const c = this.getCode();
          if (c === EOC) {
            this.name += chunk.slice(start);
            return EOC;
          }
          if (!isNameChar(c)) {
            this.name += chunk.slice(start, this.prevI);
            return c === NL_LIKE ? NL : c;
          }
        }
      }
      /**
       * Skip white spaces.
       *
       * @return The character that ended the skip, or ``EOC`` if we hit
       * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
       * instead.
       */
      skipSpaces() {
        while (true) {
          const c = this.getCodeNorm();
          if (c === EOC || !isS(c)) {
            return c;
          }
        }
      }
      setXMLVersion(version) {
        this.currentXMLVersion = version;
        if (version === "1.0") {
          this.isChar = isChar10;
          this.getCode = this.getCode10;
        } else {
          this.isChar = isChar11;
          this.getCode = this.getCode11;
        }
      }
      // STATE ENGINE METHODS
      // This needs to be a state separate from S_BEGIN_WHITESPACE because we want
      // to be sure never to come back to this state later.
      sBegin() {
        if (this.chunk.charCodeAt(0) === 65279) {
          this.i++;
          this.column++;
        }
        this.state = S_BEGIN_WHITESPACE;
      }
      sBeginWhitespace() {
        const iBefore = this.i;
        const c = this.skipSpaces();
        if (this.prevI !== iBefore) {
          this.xmlDeclPossible = false;
        }
        switch (c) {
          case LESS:
            this.state = S_OPEN_WAKA;
            if (this.text.length !== 0) {
              throw new Error("no-empty text at start");
            }
            break;
          case EOC:
            break;
          default:
            this.unget();
            this.state = S_TEXT;
            this.xmlDeclPossible = false;
        }
      }
      sDoctype() {
        var _a;
        const c = this.captureTo(DOCTYPE_TERMINATOR);
        switch (c) {
          case GREATER: {
            (_a = this.doctypeHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
            this.text = "";
            this.state = S_TEXT;
            this.doctype = true;
            break;
          }
          case EOC:
            break;
          default:
            this.text += String.fromCodePoint(c);
            if (c === OPEN_BRACKET) {
              this.state = S_DTD;
            } else if (isQuote(c)) {
              this.state = S_DOCTYPE_QUOTE;
              this.q = c;
            }
        }
      }
      sDoctypeQuote() {
        const q = this.q;
        if (this.captureToChar(q)) {
          this.text += String.fromCodePoint(q);
          this.q = null;
          this.state = S_DOCTYPE;
        }
      }
      sDTD() {
        const c = this.captureTo(DTD_TERMINATOR);
        if (c === EOC) {
          return;
        }
        this.text += String.fromCodePoint(c);
        if (c === CLOSE_BRACKET) {
          this.state = S_DOCTYPE;
        } else if (c === LESS) {
          this.state = S_DTD_OPEN_WAKA;
        } else if (isQuote(c)) {
          this.state = S_DTD_QUOTED;
          this.q = c;
        }
      }
      sDTDQuoted() {
        const q = this.q;
        if (this.captureToChar(q)) {
          this.text += String.fromCodePoint(q);
          this.state = S_DTD;
          this.q = null;
        }
      }
      sDTDOpenWaka() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        switch (c) {
          case BANG:
            this.state = S_DTD_OPEN_WAKA_BANG;
            this.openWakaBang = "";
            break;
          case QUESTION:
            this.state = S_DTD_PI;
            break;
          default:
            this.state = S_DTD;
        }
      }
      sDTDOpenWakaBang() {
        const char = String.fromCodePoint(this.getCodeNorm());
        const owb = this.openWakaBang += char;
        this.text += char;
        if (owb !== "-") {
          this.state = owb === "--" ? S_DTD_COMMENT : S_DTD;
          this.openWakaBang = "";
        }
      }
      sDTDComment() {
        if (this.captureToChar(MINUS)) {
          this.text += "-";
          this.state = S_DTD_COMMENT_ENDING;
        }
      }
      sDTDCommentEnding() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        this.state = c === MINUS ? S_DTD_COMMENT_ENDED : S_DTD_COMMENT;
      }
      sDTDCommentEnded() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        if (c === GREATER) {
          this.state = S_DTD;
        } else {
          this.fail("malformed comment.");
          this.state = S_DTD_COMMENT;
        }
      }
      sDTDPI() {
        if (this.captureToChar(QUESTION)) {
          this.text += "?";
          this.state = S_DTD_PI_ENDING;
        }
      }
      sDTDPIEnding() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        if (c === GREATER) {
          this.state = S_DTD;
        }
      }
      sText() {
        if (this.tags.length !== 0) {
          this.handleTextInRoot();
        } else {
          this.handleTextOutsideRoot();
        }
      }
      sEntity() {
        let { i: start } = this;
        const { chunk } = this;
        loop:
          while (true) {
            switch (this.getCode()) {
              case NL_LIKE:
                this.entity += `${chunk.slice(start, this.prevI)}
`;
                start = this.i;
                break;
              case SEMICOLON: {
                const { entityReturnState } = this;
                const entity = this.entity + chunk.slice(start, this.prevI);
                this.state = entityReturnState;
                let parsed;
                if (entity === "") {
                  this.fail("empty entity name.");
                  parsed = "&;";
                } else {
                  parsed = this.parseEntity(entity);
                  this.entity = "";
                }
                if (entityReturnState !== S_TEXT || this.textHandler !== void 0) {
                  this.text += parsed;
                }
                break loop;
              }
              case EOC:
                this.entity += chunk.slice(start);
                break loop;
              default:
            }
          }
      }
      sOpenWaka() {
        const c = this.getCode();
        if (isNameStartChar(c)) {
          this.state = S_OPEN_TAG;
          this.unget();
          this.xmlDeclPossible = false;
        } else {
          switch (c) {
            case FORWARD_SLASH:
              this.state = S_CLOSE_TAG;
              this.xmlDeclPossible = false;
              break;
            case BANG:
              this.state = S_OPEN_WAKA_BANG;
              this.openWakaBang = "";
              this.xmlDeclPossible = false;
              break;
            case QUESTION:
              this.state = S_PI_FIRST_CHAR;
              break;
            default:
              this.fail("disallowed character in tag name");
              this.state = S_TEXT;
              this.xmlDeclPossible = false;
          }
        }
      }
      sOpenWakaBang() {
        this.openWakaBang += String.fromCodePoint(this.getCodeNorm());
        switch (this.openWakaBang) {
          case "[CDATA[":
            if (!this.sawRoot && !this.reportedTextBeforeRoot) {
              this.fail("text data outside of root node.");
              this.reportedTextBeforeRoot = true;
            }
            if (this.closedRoot && !this.reportedTextAfterRoot) {
              this.fail("text data outside of root node.");
              this.reportedTextAfterRoot = true;
            }
            this.state = S_CDATA;
            this.openWakaBang = "";
            break;
          case "--":
            this.state = S_COMMENT;
            this.openWakaBang = "";
            break;
          case "DOCTYPE":
            this.state = S_DOCTYPE;
            if (this.doctype || this.sawRoot) {
              this.fail("inappropriately located doctype declaration.");
            }
            this.openWakaBang = "";
            break;
          default:
            if (this.openWakaBang.length >= 7) {
              this.fail("incorrect syntax.");
            }
        }
      }
      sComment() {
        if (this.captureToChar(MINUS)) {
          this.state = S_COMMENT_ENDING;
        }
      }
      sCommentEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === MINUS) {
          this.state = S_COMMENT_ENDED;
          (_a = this.commentHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
          this.text = "";
        } else {
          this.text += `-${String.fromCodePoint(c)}`;
          this.state = S_COMMENT;
        }
      }
      sCommentEnded() {
        const c = this.getCodeNorm();
        if (c !== GREATER) {
          this.fail("malformed comment.");
          this.text += `--${String.fromCodePoint(c)}`;
          this.state = S_COMMENT;
        } else {
          this.state = S_TEXT;
        }
      }
      sCData() {
        if (this.captureToChar(CLOSE_BRACKET)) {
          this.state = S_CDATA_ENDING;
        }
      }
      sCDataEnding() {
        const c = this.getCodeNorm();
        if (c === CLOSE_BRACKET) {
          this.state = S_CDATA_ENDING_2;
        } else {
          this.text += `]${String.fromCodePoint(c)}`;
          this.state = S_CDATA;
        }
      }
      sCDataEnding2() {
        var _a;
        const c = this.getCodeNorm();
        switch (c) {
          case GREATER: {
            (_a = this.cdataHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
            this.text = "";
            this.state = S_TEXT;
            break;
          }
          case CLOSE_BRACKET:
            this.text += "]";
            break;
          default:
            this.text += `]]${String.fromCodePoint(c)}`;
            this.state = S_CDATA;
        }
      }
      // We need this separate state to check the first character fo the pi target
      // with this.nameStartCheck which allows less characters than this.nameCheck.
      sPIFirstChar() {
        const c = this.getCodeNorm();
        if (this.nameStartCheck(c)) {
          this.piTarget += String.fromCodePoint(c);
          this.state = S_PI_REST;
        } else if (c === QUESTION || isS(c)) {
          this.fail("processing instruction without a target.");
          this.state = c === QUESTION ? S_PI_ENDING : S_PI_BODY;
        } else {
          this.fail("disallowed character in processing instruction name.");
          this.piTarget += String.fromCodePoint(c);
          this.state = S_PI_REST;
        }
      }
      sPIRest() {
        const { chunk, i: start } = this;
        while (true) {
          const c = this.getCodeNorm();
          if (c === EOC) {
            this.piTarget += chunk.slice(start);
            return;
          }
          if (!this.nameCheck(c)) {
            this.piTarget += chunk.slice(start, this.prevI);
            const isQuestion = c === QUESTION;
            if (isQuestion || isS(c)) {
              if (this.piTarget === "xml") {
                if (!this.xmlDeclPossible) {
                  this.fail("an XML declaration must be at the start of the document.");
                }
                this.state = isQuestion ? S_XML_DECL_ENDING : S_XML_DECL_NAME_START;
              } else {
                this.state = isQuestion ? S_PI_ENDING : S_PI_BODY;
              }
            } else {
              this.fail("disallowed character in processing instruction name.");
              this.piTarget += String.fromCodePoint(c);
            }
            break;
          }
        }
      }
      sPIBody() {
        if (this.text.length === 0) {
          const c = this.getCodeNorm();
          if (c === QUESTION) {
            this.state = S_PI_ENDING;
          } else if (!isS(c)) {
            this.text = String.fromCodePoint(c);
          }
        } else if (this.captureToChar(QUESTION)) {
          this.state = S_PI_ENDING;
        }
      }
      sPIEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === GREATER) {
          const { piTarget } = this;
          if (piTarget.toLowerCase() === "xml") {
            this.fail("the XML declaration must appear at the start of the document.");
          }
          (_a = this.piHandler) === null || _a === void 0 ? void 0 : _a.call(this, {
            target: piTarget,
            body: this.text
          });
          this.piTarget = this.text = "";
          this.state = S_TEXT;
        } else if (c === QUESTION) {
          this.text += "?";
        } else {
          this.text += `?${String.fromCodePoint(c)}`;
          this.state = S_PI_BODY;
        }
        this.xmlDeclPossible = false;
      }
      sXMLDeclNameStart() {
        const c = this.skipSpaces();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          return;
        }
        if (c !== EOC) {
          this.state = S_XML_DECL_NAME;
          this.name = String.fromCodePoint(c);
        }
      }
      sXMLDeclName() {
        const c = this.captureTo(XML_DECL_NAME_TERMINATOR);
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.name += this.text;
          this.text = "";
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (!(isS(c) || c === EQUAL)) {
          return;
        }
        this.name += this.text;
        this.text = "";
        if (!this.xmlDeclExpects.includes(this.name)) {
          switch (this.name.length) {
            case 0:
              this.fail("did not expect any more name/value pairs.");
              break;
            case 1:
              this.fail(`expected the name ${this.xmlDeclExpects[0]}.`);
              break;
            default:
              this.fail(`expected one of ${this.xmlDeclExpects.join(", ")}`);
          }
        }
        this.state = c === EQUAL ? S_XML_DECL_VALUE_START : S_XML_DECL_EQ;
      }
      sXMLDeclEq() {
        const c = this.getCodeNorm();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (isS(c)) {
          return;
        }
        if (c !== EQUAL) {
          this.fail("value required.");
        }
        this.state = S_XML_DECL_VALUE_START;
      }
      sXMLDeclValueStart() {
        const c = this.getCodeNorm();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (isS(c)) {
          return;
        }
        if (!isQuote(c)) {
          this.fail("value must be quoted.");
          this.q = SPACE;
        } else {
          this.q = c;
        }
        this.state = S_XML_DECL_VALUE;
      }
      sXMLDeclValue() {
        const c = this.captureTo([this.q, QUESTION]);
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.text = "";
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (c === EOC) {
          return;
        }
        const value = this.text;
        this.text = "";
        switch (this.name) {
          case "version": {
            this.xmlDeclExpects = ["encoding", "standalone"];
            const version = value;
            this.xmlDecl.version = version;
            if (!/^1\.[0-9]+$/.test(version)) {
              this.fail("version number must match /^1\\.[0-9]+$/.");
            } else if (!this.opt.forceXMLVersion) {
              this.setXMLVersion(version);
            }
            break;
          }
          case "encoding":
            if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(value)) {
              this.fail("encoding value must match /^[A-Za-z0-9][A-Za-z0-9._-]*$/.");
            }
            this.xmlDeclExpects = ["standalone"];
            this.xmlDecl.encoding = value;
            break;
          case "standalone":
            if (value !== "yes" && value !== "no") {
              this.fail('standalone value must match "yes" or "no".');
            }
            this.xmlDeclExpects = [];
            this.xmlDecl.standalone = value;
            break;
          default:
        }
        this.name = "";
        this.state = S_XML_DECL_SEPARATOR;
      }
      sXMLDeclSeparator() {
        const c = this.getCodeNorm();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          return;
        }
        if (!isS(c)) {
          this.fail("whitespace required.");
          this.unget();
        }
        this.state = S_XML_DECL_NAME_START;
      }
      sXMLDeclEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === GREATER) {
          if (this.piTarget !== "xml") {
            this.fail("processing instructions are not allowed before root.");
          } else if (this.name !== "version" && this.xmlDeclExpects.includes("version")) {
            this.fail("XML declaration must contain a version.");
          }
          (_a = this.xmldeclHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.xmlDecl);
          this.name = "";
          this.piTarget = this.text = "";
          this.state = S_TEXT;
        } else {
          this.fail("The character ? is disallowed anywhere in XML declarations.");
        }
        this.xmlDeclPossible = false;
      }
      sOpenTag() {
        var _a;
        const c = this.captureNameChars();
        if (c === EOC) {
          return;
        }
        const tag = this.tag = {
          name: this.name,
          attributes: /* @__PURE__ */ Object.create(null)
        };
        this.name = "";
        if (this.xmlnsOpt) {
          this.topNS = tag.ns = /* @__PURE__ */ Object.create(null);
        }
        (_a = this.openTagStartHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        this.sawRoot = true;
        if (!this.fragmentOpt && this.closedRoot) {
          this.fail("documents may contain only one root.");
        }
        switch (c) {
          case GREATER:
            this.openTag();
            break;
          case FORWARD_SLASH:
            this.state = S_OPEN_TAG_SLASH;
            break;
          default:
            if (!isS(c)) {
              this.fail("disallowed character in tag name.");
            }
            this.state = S_ATTRIB;
        }
      }
      sOpenTagSlash() {
        if (this.getCode() === GREATER) {
          this.openSelfClosingTag();
        } else {
          this.fail("forward-slash in opening tag not followed by >.");
          this.state = S_ATTRIB;
        }
      }
      sAttrib() {
        const c = this.skipSpaces();
        if (c === EOC) {
          return;
        }
        if (isNameStartChar(c)) {
          this.unget();
          this.state = S_ATTRIB_NAME;
        } else if (c === GREATER) {
          this.openTag();
        } else if (c === FORWARD_SLASH) {
          this.state = S_OPEN_TAG_SLASH;
        } else {
          this.fail("disallowed character in attribute name.");
        }
      }
      sAttribName() {
        const c = this.captureNameChars();
        if (c === EQUAL) {
          this.state = S_ATTRIB_VALUE;
        } else if (isS(c)) {
          this.state = S_ATTRIB_NAME_SAW_WHITE;
        } else if (c === GREATER) {
          this.fail("attribute without value.");
          this.pushAttrib(this.name, this.name);
          this.name = this.text = "";
          this.openTag();
        } else if (c !== EOC) {
          this.fail("disallowed character in attribute name.");
        }
      }
      sAttribNameSawWhite() {
        const c = this.skipSpaces();
        switch (c) {
          case EOC:
            return;
          case EQUAL:
            this.state = S_ATTRIB_VALUE;
            break;
          default:
            this.fail("attribute without value.");
            this.text = "";
            this.name = "";
            if (c === GREATER) {
              this.openTag();
            } else if (isNameStartChar(c)) {
              this.unget();
              this.state = S_ATTRIB_NAME;
            } else {
              this.fail("disallowed character in attribute name.");
              this.state = S_ATTRIB;
            }
        }
      }
      sAttribValue() {
        const c = this.getCodeNorm();
        if (isQuote(c)) {
          this.q = c;
          this.state = S_ATTRIB_VALUE_QUOTED;
        } else if (!isS(c)) {
          this.fail("unquoted attribute value.");
          this.state = S_ATTRIB_VALUE_UNQUOTED;
          this.unget();
        }
      }
      sAttribValueQuoted() {
        const { q, chunk } = this;
        let { i: start } = this;
        while (true) {
          switch (this.getCode()) {
            case q:
              this.pushAttrib(this.name, this.text + chunk.slice(start, this.prevI));
              this.name = this.text = "";
              this.q = null;
              this.state = S_ATTRIB_VALUE_CLOSED;
              return;
            case AMP:
              this.text += chunk.slice(start, this.prevI);
              this.state = S_ENTITY;
              this.entityReturnState = S_ATTRIB_VALUE_QUOTED;
              return;
            case NL:
            case NL_LIKE:
            case TAB:
              this.text += `${chunk.slice(start, this.prevI)} `;
              start = this.i;
              break;
            case LESS:
              this.text += chunk.slice(start, this.prevI);
              this.fail("disallowed character.");
              return;
            case EOC:
              this.text += chunk.slice(start);
              return;
            default:
          }
        }
      }
      sAttribValueClosed() {
        const c = this.getCodeNorm();
        if (isS(c)) {
          this.state = S_ATTRIB;
        } else if (c === GREATER) {
          this.openTag();
        } else if (c === FORWARD_SLASH) {
          this.state = S_OPEN_TAG_SLASH;
        } else if (isNameStartChar(c)) {
          this.fail("no whitespace between attributes.");
          this.unget();
          this.state = S_ATTRIB_NAME;
        } else {
          this.fail("disallowed character in attribute name.");
        }
      }
      sAttribValueUnquoted() {
        const c = this.captureTo(ATTRIB_VALUE_UNQUOTED_TERMINATOR);
        switch (c) {
          case AMP:
            this.state = S_ENTITY;
            this.entityReturnState = S_ATTRIB_VALUE_UNQUOTED;
            break;
          case LESS:
            this.fail("disallowed character.");
            break;
          case EOC:
            break;
          default:
            if (this.text.includes("]]>")) {
              this.fail('the string "]]>" is disallowed in char data.');
            }
            this.pushAttrib(this.name, this.text);
            this.name = this.text = "";
            if (c === GREATER) {
              this.openTag();
            } else {
              this.state = S_ATTRIB;
            }
        }
      }
      sCloseTag() {
        const c = this.captureNameChars();
        if (c === GREATER) {
          this.closeTag();
        } else if (isS(c)) {
          this.state = S_CLOSE_TAG_SAW_WHITE;
        } else if (c !== EOC) {
          this.fail("disallowed character in closing tag.");
        }
      }
      sCloseTagSawWhite() {
        switch (this.skipSpaces()) {
          case GREATER:
            this.closeTag();
            break;
          case EOC:
            break;
          default:
            this.fail("disallowed character in closing tag.");
        }
      }
      // END OF STATE ENGINE METHODS
      handleTextInRoot() {
        let { i: start, forbiddenState } = this;
        const { chunk, textHandler: handler } = this;
        scanLoop:
          while (true) {
            switch (this.getCode()) {
              case LESS: {
                this.state = S_OPEN_WAKA;
                if (handler !== void 0) {
                  const { text } = this;
                  const slice = chunk.slice(start, this.prevI);
                  if (text.length !== 0) {
                    handler(text + slice);
                    this.text = "";
                  } else if (slice.length !== 0) {
                    handler(slice);
                  }
                }
                forbiddenState = FORBIDDEN_START;
                break scanLoop;
              }
              case AMP:
                this.state = S_ENTITY;
                this.entityReturnState = S_TEXT;
                if (handler !== void 0) {
                  this.text += chunk.slice(start, this.prevI);
                }
                forbiddenState = FORBIDDEN_START;
                break scanLoop;
              case CLOSE_BRACKET:
                switch (forbiddenState) {
                  case FORBIDDEN_START:
                    forbiddenState = FORBIDDEN_BRACKET;
                    break;
                  case FORBIDDEN_BRACKET:
                    forbiddenState = FORBIDDEN_BRACKET_BRACKET;
                    break;
                  case FORBIDDEN_BRACKET_BRACKET:
                    break;
                  default:
                    throw new Error("impossible state");
                }
                break;
              case GREATER:
                if (forbiddenState === FORBIDDEN_BRACKET_BRACKET) {
                  this.fail('the string "]]>" is disallowed in char data.');
                }
                forbiddenState = FORBIDDEN_START;
                break;
              case NL_LIKE:
                if (handler !== void 0) {
                  this.text += `${chunk.slice(start, this.prevI)}
`;
                }
                start = this.i;
                forbiddenState = FORBIDDEN_START;
                break;
              case EOC:
                if (handler !== void 0) {
                  this.text += chunk.slice(start);
                }
                break scanLoop;
              default:
                forbiddenState = FORBIDDEN_START;
            }
          }
        this.forbiddenState = forbiddenState;
      }
      handleTextOutsideRoot() {
        let { i: start } = this;
        const { chunk, textHandler: handler } = this;
        let nonSpace = false;
        outRootLoop:
          while (true) {
            const code = this.getCode();
            switch (code) {
              case LESS: {
                this.state = S_OPEN_WAKA;
                if (handler !== void 0) {
                  const { text } = this;
                  const slice = chunk.slice(start, this.prevI);
                  if (text.length !== 0) {
                    handler(text + slice);
                    this.text = "";
                  } else if (slice.length !== 0) {
                    handler(slice);
                  }
                }
                break outRootLoop;
              }
              case AMP:
                this.state = S_ENTITY;
                this.entityReturnState = S_TEXT;
                if (handler !== void 0) {
                  this.text += chunk.slice(start, this.prevI);
                }
                nonSpace = true;
                break outRootLoop;
              case NL_LIKE:
                if (handler !== void 0) {
                  this.text += `${chunk.slice(start, this.prevI)}
`;
                }
                start = this.i;
                break;
              case EOC:
                if (handler !== void 0) {
                  this.text += chunk.slice(start);
                }
                break outRootLoop;
              default:
                if (!isS(code)) {
                  nonSpace = true;
                }
            }
          }
        if (!nonSpace) {
          return;
        }
        if (!this.sawRoot && !this.reportedTextBeforeRoot) {
          this.fail("text data outside of root node.");
          this.reportedTextBeforeRoot = true;
        }
        if (this.closedRoot && !this.reportedTextAfterRoot) {
          this.fail("text data outside of root node.");
          this.reportedTextAfterRoot = true;
        }
      }
      pushAttribNS(name, value) {
        var _a;
        const { prefix, local } = this.qname(name);
        const attr = { name, prefix, local, value };
        this.attribList.push(attr);
        (_a = this.attributeHandler) === null || _a === void 0 ? void 0 : _a.call(this, attr);
        if (prefix === "xmlns") {
          const trimmed = value.trim();
          if (this.currentXMLVersion === "1.0" && trimmed === "") {
            this.fail("invalid attempt to undefine prefix in XML 1.0");
          }
          this.topNS[local] = trimmed;
          nsPairCheck(this, local, trimmed);
        } else if (name === "xmlns") {
          const trimmed = value.trim();
          this.topNS[""] = trimmed;
          nsPairCheck(this, "", trimmed);
        }
      }
      pushAttribPlain(name, value) {
        var _a;
        const attr = { name, value };
        this.attribList.push(attr);
        (_a = this.attributeHandler) === null || _a === void 0 ? void 0 : _a.call(this, attr);
      }
      /**
       * End parsing. This performs final well-formedness checks and resets the
       * parser to a clean state.
       *
       * @returns this
       */
      end() {
        var _a, _b;
        if (!this.sawRoot) {
          this.fail("document must contain a root element.");
        }
        const { tags } = this;
        while (tags.length > 0) {
          const tag = tags.pop();
          this.fail(`unclosed tag: ${tag.name}`);
        }
        if (this.state !== S_BEGIN && this.state !== S_TEXT) {
          this.fail("unexpected end.");
        }
        const { text } = this;
        if (text.length !== 0) {
          (_a = this.textHandler) === null || _a === void 0 ? void 0 : _a.call(this, text);
          this.text = "";
        }
        this._closed = true;
        (_b = this.endHandler) === null || _b === void 0 ? void 0 : _b.call(this);
        this._init();
        return this;
      }
      /**
       * Resolve a namespace prefix.
       *
       * @param prefix The prefix to resolve.
       *
       * @returns The namespace URI or ``undefined`` if the prefix is not defined.
       */
      resolve(prefix) {
        var _a, _b;
        let uri = this.topNS[prefix];
        if (uri !== void 0) {
          return uri;
        }
        const { tags } = this;
        for (let index = tags.length - 1; index >= 0; index--) {
          uri = tags[index].ns[prefix];
          if (uri !== void 0) {
            return uri;
          }
        }
        uri = this.ns[prefix];
        if (uri !== void 0) {
          return uri;
        }
        return (_b = (_a = this.opt).resolvePrefix) === null || _b === void 0 ? void 0 : _b.call(_a, prefix);
      }
      /**
       * Parse a qname into its prefix and local name parts.
       *
       * @param name The name to parse
       *
       * @returns
       */
      qname(name) {
        const colon = name.indexOf(":");
        if (colon === -1) {
          return { prefix: "", local: name };
        }
        const local = name.slice(colon + 1);
        const prefix = name.slice(0, colon);
        if (prefix === "" || local === "" || local.includes(":")) {
          this.fail(`malformed name: ${name}.`);
        }
        return { prefix, local };
      }
      processAttribsNS() {
        var _a;
        const { attribList } = this;
        const tag = this.tag;
        {
          const { prefix, local } = this.qname(tag.name);
          tag.prefix = prefix;
          tag.local = local;
          const uri = tag.uri = (_a = this.resolve(prefix)) !== null && _a !== void 0 ? _a : "";
          if (prefix !== "") {
            if (prefix === "xmlns") {
              this.fail('tags may not have "xmlns" as prefix.');
            }
            if (uri === "") {
              this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
              tag.uri = prefix;
            }
          }
        }
        if (attribList.length === 0) {
          return;
        }
        const { attributes } = tag;
        const seen = /* @__PURE__ */ new Set();
        for (const attr of attribList) {
          const { name, prefix, local } = attr;
          let uri;
          let eqname;
          if (prefix === "") {
            uri = name === "xmlns" ? XMLNS_NAMESPACE : "";
            eqname = name;
          } else {
            uri = this.resolve(prefix);
            if (uri === void 0) {
              this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
              uri = prefix;
            }
            eqname = `{${uri}}${local}`;
          }
          if (seen.has(eqname)) {
            this.fail(`duplicate attribute: ${eqname}.`);
          }
          seen.add(eqname);
          attr.uri = uri;
          attributes[name] = attr;
        }
        this.attribList = [];
      }
      processAttribsPlain() {
        const { attribList } = this;
        const attributes = this.tag.attributes;
        for (const { name, value } of attribList) {
          if (attributes[name] !== void 0) {
            this.fail(`duplicate attribute: ${name}.`);
          }
          attributes[name] = value;
        }
        this.attribList = [];
      }
      /**
       * Handle a complete open tag. This parser code calls this once it has seen
       * the whole tag. This method checks for well-formeness and then emits
       * ``onopentag``.
       */
      openTag() {
        var _a;
        this.processAttribs();
        const { tags } = this;
        const tag = this.tag;
        tag.isSelfClosing = false;
        (_a = this.openTagHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        tags.push(tag);
        this.state = S_TEXT;
        this.name = "";
      }
      /**
       * Handle a complete self-closing tag. This parser code calls this once it has
       * seen the whole tag. This method checks for well-formeness and then emits
       * ``onopentag`` and ``onclosetag``.
       */
      openSelfClosingTag() {
        var _a, _b, _c;
        this.processAttribs();
        const { tags } = this;
        const tag = this.tag;
        tag.isSelfClosing = true;
        (_a = this.openTagHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        (_b = this.closeTagHandler) === null || _b === void 0 ? void 0 : _b.call(this, tag);
        const top = this.tag = (_c = tags[tags.length - 1]) !== null && _c !== void 0 ? _c : null;
        if (top === null) {
          this.closedRoot = true;
        }
        this.state = S_TEXT;
        this.name = "";
      }
      /**
       * Handle a complete close tag. This parser code calls this once it has seen
       * the whole tag. This method checks for well-formeness and then emits
       * ``onclosetag``.
       */
      closeTag() {
        const { tags, name } = this;
        this.state = S_TEXT;
        this.name = "";
        if (name === "") {
          this.fail("weird empty close tag.");
          this.text += "</>";
          return;
        }
        const handler = this.closeTagHandler;
        let l = tags.length;
        while (l-- > 0) {
          const tag = this.tag = tags.pop();
          this.topNS = tag.ns;
          handler === null || handler === void 0 ? void 0 : handler(tag);
          if (tag.name === name) {
            break;
          }
          this.fail("unexpected close tag.");
        }
        if (l === 0) {
          this.closedRoot = true;
        } else if (l < 0) {
          this.fail(`unmatched closing tag: ${name}.`);
          this.text += `</${name}>`;
        }
      }
      /**
       * Resolves an entity. Makes any necessary well-formedness checks.
       *
       * @param entity The entity to resolve.
       *
       * @returns The parsed entity.
       */
      parseEntity(entity) {
        if (entity[0] !== "#") {
          const defined = this.ENTITIES[entity];
          if (defined !== void 0) {
            return defined;
          }
          this.fail(this.isName(entity) ? "undefined entity." : "disallowed character in entity name.");
          return `&${entity};`;
        }
        let num = NaN;
        if (entity[1] === "x" && /^#x[0-9a-f]+$/i.test(entity)) {
          num = parseInt(entity.slice(2), 16);
        } else if (/^#[0-9]+$/.test(entity)) {
          num = parseInt(entity.slice(1), 10);
        }
        if (!this.isChar(num)) {
          this.fail("malformed character entity.");
          return `&${entity};`;
        }
        return String.fromCodePoint(num);
      }
    };
    exports.SaxesParser = SaxesParser2;
  }
});

// src/archive/verify.ts
import { basename } from "node:path";
import { performance } from "node:perf_hooks";

// src/archive/archive-hash.ts
import { createHash } from "node:crypto";

// src/archive/free-buffer.ts
var MIN_OWNED_BUFFER = 64 * 1024;
function freeBuffer(buffer) {
  if (buffer.byteLength < MIN_OWNED_BUFFER) return;
  const transfer = buffer.transfer;
  if (typeof transfer === "function" && !buffer.detached) transfer.call(buffer, 0);
}
var FREE_BUFFER_SOURCE = `(b) => { if (typeof b.transfer === 'function' && !b.detached) b.transfer(0); }`;

// src/archive/archive-hash.ts
function inlineArchiveHash(source) {
  const hash = createHash("sha256");
  return {
    chunks: (async function* () {
      for await (const chunk of source) {
        hash.update(chunk);
        yield chunk;
      }
    })(),
    digest: async () => hash.digest("hex")
  };
}
var AHEAD_BYTES = 2 * 1024 * 1024;
function workerArchiveHash(source, stream, aheadBytes = AHEAD_BYTES) {
  return {
    chunks: passThrough(source, stream, aheadBytes),
    digest: () => stream.digest()
  };
}
async function* passThrough(source, thread, aheadBytes) {
  const iterator = source[Symbol.asyncIterator]();
  const hashed = [];
  let held = 0;
  let sourceDone = false;
  try {
    for (; ; ) {
      while (!sourceDone && (hashed.length === 0 || held < aheadBytes)) {
        const step = await iterator.next();
        if (step.done) sourceDone = true;
        else if (step.value.length > 0) {
          const c = step.value.buffer.byteLength < MIN_OWNED_BUFFER ? copyOf(step.value) : step.value;
          const size = c.length;
          const back = thread.send([[c.buffer, c.byteOffset, size]], true).then((ranges) => {
            const [buffer, offset, length] = ranges[0];
            return Buffer.from(buffer, offset, length);
          });
          back.catch(() => void 0);
          hashed.push({ size, back });
          held += size;
        }
      }
      const next = hashed.shift();
      if (!next) return;
      held -= next.size;
      yield await next.back;
    }
  } finally {
    if (!sourceDone) void Promise.resolve(iterator.return?.()).catch(() => void 0);
  }
}
function copyOf(chunk) {
  return Buffer.from(new Uint8Array(chunk).buffer);
}

// src/archive/archive-collector.ts
import { createHash as createHash3 } from "node:crypto";

// src/archive/dat-hasher.ts
import { createHash as createHash2 } from "node:crypto";

// src/archive/hash-thread.ts
import { Worker } from "node:worker_threads";
var WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const free = ${FREE_BUFFER_SOURCE};
const canFree = typeof ArrayBuffer.prototype.transfer === 'function';
const hashes = new Map();
parentPort.on('message', (m) => {
  let hash = hashes.get(m.stream);
  if (!hash) hashes.set(m.stream, (hash = createHash('sha256')));
  if (m.type === 'digest') return parentPort.postMessage({ type: 'digest', stream: m.stream, hex: hash.digest('hex') });
  let bytes = 0;
  const buffers = new Set();
  for (const [buffer, offset, length] of m.ranges) {
    hash.update(new Uint8Array(buffer, offset, length));
    bytes += length;
    buffers.add(buffer);
  }
  if (m.keep || !canFree) return parentPort.postMessage({ type: 'ack', stream: m.stream, bytes, ranges: m.ranges }, [...buffers]);
  for (const buffer of buffers) free(buffer);
  parentPort.postMessage({ type: 'ack', stream: m.stream, bytes, ranges: [] });
});
`;
var HashThread = class {
  worker = new Worker(WORKER_SOURCE, { eval: true });
  streams = [];
  failure = null;
  closed = false;
  constructor() {
    this.worker.on("message", (m) => {
      const stream = this.streams[m.stream];
      if (m.type === "ack") stream.acked(m.bytes, m.ranges);
      else stream.digested(m.hex);
    });
    this.worker.on("error", (err) => this.fail(err));
    this.worker.on("exit", (code) => {
      if (!this.closed) this.fail(new Error(`the hashing thread exited with code ${code}`));
    });
  }
  /** A new SHA-256 on this thread; `what` names the hashed bytes in errors. */
  stream(what) {
    const stream = new HashStream(this.streams.length, what, (message, transfer) => {
      if (this.failure) throw this.failure;
      if (this.closed) throw new Error("the hashing thread was already stopped");
      this.worker.postMessage(message, transfer);
    });
    this.streams.push(stream);
    return stream;
  }
  /** The error the thread failed with, if it did. */
  get failed() {
    return this.failure;
  }
  /** Stops the thread; digests not yet answered are never answered. */
  close() {
    if (this.closed) return;
    this.closed = true;
    void this.worker.terminate();
  }
  fail(cause) {
    if (this.failure || this.closed) return;
    this.failure = cause;
    for (const s of this.streams) s.failed(cause);
    this.close();
  }
};
var HashStream = class {
  constructor(id, what, post) {
    this.id = id;
    this.what = what;
    this.post = post;
  }
  id;
  what;
  post;
  waiting = [];
  digestWaiter = null;
  failure = null;
  /** Bytes sent and not yet acknowledged. */
  inFlight = 0;
  /** Called after each acknowledgement, and once when the thread fails. */
  onAck = null;
  /** The error hashing failed with, if it did. */
  get error() {
    return this.failure;
  }
  /**
   * Hashes `ranges` after everything sent before; once hashed, resolves with the same ranges
   * (their buffers handed back) when `keep`, else with none or some (their buffers freed or handed
   * back to be collected). Every buffer named is transferred: the caller must own it whole.
   */
  send(ranges, keep) {
    if (this.failure) return Promise.reject(this.failure);
    const bytes = ranges.reduce((n, r) => n + r[2], 0);
    const acked = new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
    try {
      this.post({ type: "data", stream: this.id, ranges, keep }, [...new Set(ranges.map((r) => r[0]))]);
    } catch (err) {
      this.waiting.pop();
      return Promise.reject(err);
    }
    this.inFlight += bytes;
    return acked;
  }
  /** The hex digest of everything sent. */
  digest() {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.digestWaiter = { resolve, reject };
      try {
        this.post({ type: "digest", stream: this.id }, []);
      } catch (err) {
        this.digestWaiter = null;
        reject(err);
      }
    });
  }
  /** @internal */
  acked(bytes, ranges) {
    this.inFlight -= bytes;
    this.waiting.shift()?.resolve(ranges);
    this.onAck?.();
  }
  /** @internal */
  digested(hex) {
    this.digestWaiter?.resolve(hex);
    this.digestWaiter = null;
  }
  /** @internal */
  failed(cause) {
    this.failure = new IpmDbError(
      "archive-verifier-failed",
      `hashing ${this.what} on a worker thread failed: ${cause.message}`,
      {
        hint: "This is a bug in ipm-db, or the machine ran out of memory; please report it.",
        cause
      }
    );
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
    this.digestWaiter?.reject(this.failure);
    this.digestWaiter = null;
    this.onAck?.();
  }
};

// src/archive/dat-hasher.ts
var InlineHasher = class {
  hash = createHash2("sha256");
  update(chunk) {
    this.hash.update(chunk);
  }
  async digest() {
    return this.hash.digest("hex");
  }
  close() {
  }
};
var WorkerHasher = class {
  stream;
  /** The thread this hasher started, and stops (null when it shares the caller's). */
  ownThread;
  current = null;
  ranges = [];
  onDrain = null;
  constructor(options = {}) {
    this.maxInFlight = options.maxInFlight ?? 4 * 1024 * 1024;
    this.ownThread = options.thread ? null : new HashThread();
    this.stream = (options.thread ?? this.ownThread).stream("IRIS.DAT");
    this.stream.onAck = () => {
      if (!this.congested) this.onDrain?.();
    };
  }
  maxInFlight;
  get congested() {
    return this.stream.error === null && this.stream.inFlight > this.maxInFlight;
  }
  /** Every chunk of decompressed output, in order, before the tar parser sees it. */
  observe(chunk) {
    if (chunk.buffer !== this.current) this.send(false);
  }
  update(chunk) {
    if (chunk.buffer !== this.current) {
      this.send(false);
      this.current = chunk.buffer;
    }
    this.ranges.push([chunk.buffer, chunk.byteOffset, chunk.length]);
  }
  /** Sends the ranges held; the buffer is transferred only when zlib is done with it (`retired`). */
  send(lastBuffer) {
    const ranges = this.ranges;
    const buffer = this.current;
    this.ranges = [];
    this.current = null;
    if (ranges.length === 0 || this.stream.error) return;
    const sent = lastBuffer || buffer.byteLength < MIN_OWNED_BUFFER ? ranges.map(([b, off, len]) => [new Uint8Array(b, off, len).slice().buffer, 0, len]) : ranges;
    this.stream.send(sent, false).catch(() => void 0);
  }
  /**
   * Call when decompression has finished or was abandoned. The last buffer may still be zlib's, so
   * its ranges are copied rather than transferred.
   */
  async digest() {
    this.send(true);
    try {
      return await this.stream.digest();
    } finally {
      this.ownThread?.close();
    }
  }
  /** Stops the worker it started, without a digest (verification gave up). */
  close() {
    this.ownThread?.close();
  }
};

// src/archive/entry-path.ts
var CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
function normaliseEntryPath(raw) {
  const problems = [];
  if (raw.includes("\uFFFD")) problems.push({ code: "entry-unsafe-characters", detail: "is not valid UTF-8" });
  if (CONTROL.test(raw)) problems.push({ code: "entry-unsafe-characters", detail: "holds a control character" });
  if (raw.includes("\\")) problems.push({ code: "entry-unsafe-characters", detail: "holds a backslash" });
  if (raw.startsWith("/") || raw.startsWith("\\") || /^[A-Za-z]:/.test(raw)) {
    problems.unshift({ code: "entry-absolute-path", detail: "is absolute" });
  }
  const segments = raw.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.some((s) => s === ".." || s.includes("\\") && s.split("\\").includes(".."))) {
    problems.unshift({ code: "entry-parent-traversal", detail: 'has a ".." segment' });
  }
  const path = segments.join("/");
  const skip = path === "" && /^(\.\/?)+$/.test(raw);
  if (path === "" && !skip && problems.length === 0) problems.push({ code: "entry-empty-path", detail: "is empty" });
  return { path, skip, problems };
}
var SHOWN_NAME_LENGTH = 256;
function printablePath(raw, max = SHOWN_NAME_LENGTH) {
  return raw.length <= max ? JSON.stringify(raw) : `${JSON.stringify(raw.slice(0, max))}... (${raw.length} characters)`;
}

// src/archive/findings.ts
var FINDING_CATALOG = {
  // gzip layer
  "gzip-invalid-header": [
    "error",
    "The file does not start with a valid gzip header (empty, not gzip, or unsupported flags)."
  ],
  "gzip-corrupt": ["error", "The deflate data inside the gzip member is corrupt."],
  "gzip-truncated": ["error", "The file ends before the gzip member (data or 8-byte trailer) is complete."],
  "gzip-crc-mismatch": ["error", "The gzip trailer's CRC-32 does not match the decompressed data."],
  "gzip-size-mismatch": ["error", "The gzip trailer's length (ISIZE) does not match the decompressed data."],
  "gzip-multiple-members": ["error", "A second gzip member follows the first; IPM writes exactly one."],
  "gzip-trailing-data": ["error", "Bytes that are not a gzip member follow the gzip member (zero padding or garbage)."],
  // tar layer
  "tar-empty": ["error", "The decompressed stream holds no tar entry."],
  "tar-header-checksum": ["error", "A tar header block fails its checksum; parsing stops there."],
  "tar-header-invalid": ["error", "A tar header has an unreadable numeric field; parsing stops there."],
  "tar-extension-invalid": ["error", "A pax extended header or GNU long-name record is malformed."],
  "tar-truncated": ["error", "The tar stream ends inside a header, an entry or its padding."],
  "tar-trailing-data": [
    "error",
    "Non-zero data follows the end-of-archive zero blocks, or a partial block ends the stream."
  ],
  "tar-no-end-marker": ["info", "The tar stream has no end-of-archive zero blocks, as IPM's own writer produces."],
  // entries
  "entry-absolute-path": ["error", 'An entry path is absolute (starts with "/", "\\" or a drive letter).'],
  "entry-parent-traversal": ["error", 'An entry path has a ".." segment.'],
  "entry-unsafe-characters": ["error", "An entry path holds a backslash, a control character or invalid UTF-8."],
  "entry-empty-path": ["error", "An entry has an empty path."],
  "entry-symlink": ["error", "A symbolic link entry."],
  "entry-hardlink": ["error", "A hard link entry."],
  "entry-device": ["error", "A character or block device entry."],
  "entry-fifo": ["error", "A FIFO (named pipe) entry."],
  "entry-unsupported-type": [
    "error",
    "An entry of a tar type the verifier does not accept (sparse, volume label, ...)."
  ],
  "entry-duplicate": ["error", "Two entries have the same path after normalisation."],
  "entry-path-conflict": ["error", "An entry lies below a path that another entry makes a regular file."],
  "entry-case-collision": ["warning", "Two paths differ only in letter case (they collide on Windows and macOS)."],
  "entry-name-maybe-truncated": [
    "warning",
    "A name fills ustar's 99-byte name field; IPM's writer silently cuts longer names."
  ],
  // limits
  "limit-entry-count": ["error", "More entries than limits.maxEntries; parsing stops."],
  "limit-total-size": ["error", "The decompressed stream exceeds limits.maxTotalSize; parsing stops."],
  "limit-entry-size": [
    "error",
    "An entry exceeds limits.maxEntrySize (limits.maxIrisDatSize for IRIS.DAT); parsing stops."
  ],
  "limit-xml-size": ["error", "module.xml or a deps/*.xml exceeds limits.maxXmlSize; it is not parsed."],
  "limit-header-extension-size": [
    "error",
    "A pax header or GNU long-name record exceeds limits.maxHeaderExtensionSize."
  ],
  "limit-path-length": ["error", "An entry path exceeds limits.maxPathLength."],
  "limit-xml-depth": ["error", "module.xml or a deps/*.xml nests elements deeper than limits.maxXmlDepth."],
  "limit-compression-ratio": [
    "error",
    "The archive decompresses to more than limits.maxCompressionRatio times its size (past the grace size); parsing stops."
  ],
  "limit-findings": [
    "info",
    "More findings of one severity than limits.maxFindings; the rest are counted, not listed."
  ],
  // IRIS.DAT
  "iris-dat-missing": ["error", "No regular file IRIS.DAT at the top level of the archive."],
  "iris-dat-empty": ["error", "IRIS.DAT is empty."],
  "iris-dat-size-unaligned": ["warning", "IRIS.DAT size is not a multiple of 8192 bytes (the IRIS block size)."],
  // XML
  "xml-doctype": ["error", "An XML file has a DOCTYPE (DTD or entity declarations); it is rejected, never expanded."],
  "xml-not-well-formed": ["error", "An XML file is not well-formed (or not valid UTF-8)."],
  "xml-unsupported-encoding": ["error", "An XML file declares an encoding other than UTF-8, US-ASCII or ISO-8859-1."],
  // module.xml
  "module-xml-missing": ["error", "No regular file module.xml at the top level of the archive."],
  "module-xml-layout": ["error", "module.xml is not laid out as /Export/Document/Module."],
  "module-element-duplicate": [
    "error",
    "module.xml repeats an element that must appear once (Name, Version, Packaging, Checksum, ...)."
  ],
  "module-name-missing": ["error", "module.xml has no Module/Name."],
  "module-version-missing": ["error", "module.xml has no Module/Version."],
  "module-version-not-semver": ["warning", "Module/Version is not a semantic version (X.Y.Z[-pre][+build])."],
  "packaging-not-database": ["error", 'Module/Packaging is missing or is not "database".'],
  "checksum-missing": ["error", "module.xml has no Module/Checksum."],
  "checksum-algorithm": ["error", 'Checksum/@Algorithm is not "SHA-256".'],
  "checksum-malformed": ["error", "The Checksum text is not 64 hexadecimal digits."],
  "checksum-mismatch": ["error", "The SHA-256 of IRIS.DAT differs from the Checksum in module.xml."],
  "iris-version-missing": ["error", "module.xml has no SystemRequirements/@Version."],
  "iris-version-malformed": ["error", "SystemRequirements/@Version is not of the form YYYY.N."],
  "iris-version-mismatch": ["error", "SystemRequirements/@Version differs from the IRIS version the caller expects."],
  "module-name-mismatch": ["error", "Module/Name differs from the name the caller expects."],
  "module-version-mismatch": ["error", "Module/Version differs from the version the caller expects."],
  "file-name-mismatch": [
    "error",
    "The file name follows IPM's <name>-<version>-database.tgz pattern but disagrees with module.xml."
  ],
  "file-name-nonstandard": ["info", "The file name does not follow IPM's <name>-<version>-database.tgz pattern."],
  // deps/
  "deps-missing": ["error", "No deps/ directory (IPM requires it, even empty)."],
  "deps-unexpected-entry": ["warning", "deps/ holds something other than <dependency>.xml files."],
  "dependency-layout": ["error", "A deps/<dep>.xml is not an IRIS export /Export/Document[@name]/Module."],
  "dependency-name-mismatch": [
    "error",
    "A deps/<dep>.xml does not export <dep>.ZPM (Document name or Module/Name differ)."
  ],
  "dependency-file-missing": ["warning", "module.xml declares a dependency for which deps/ has no <dep>.xml."],
  // test resources
  "built-with-test-resources": [
    "info",
    'Test-scoped files (Scope="test"/"verify") are in the archive: built with -dev.'
  ],
  "built-without-test-resources": ["info", "Test-scoped files declared in module.xml are absent: built without -dev."],
  "test-resources-undetermined": ["info", "Whether test resources were packaged cannot be told from the archive."]
};
function severityOf(code) {
  return FINDING_CATALOG[code][0];
}
var UNCAPPED = { maxFindings: Infinity, maxFindingLength: Infinity, maxPathLength: Infinity };
function detach(text) {
  return text.length < 13 ? text : Buffer.from(text, "utf16le").toString("utf16le");
}
function clip(text, max) {
  return detach(text.length <= max ? text : `${text.slice(0, Math.max(0, max - 3))}...`);
}
var FindingList = class {
  constructor(caps = UNCAPPED) {
    this.caps = caps;
  }
  caps;
  all = [];
  kept = { error: 0, warning: 0, info: 0 };
  omitted = { error: 0, warning: 0, info: 0 };
  codes = /* @__PURE__ */ new Set();
  add(code, message, entry) {
    const severity = severityOf(code);
    this.codes.add(code);
    if (this.kept[severity] >= this.caps.maxFindings) {
      this.omitted[severity]++;
      return;
    }
    this.kept[severity]++;
    const finding = { code, severity, message: clip(message, this.caps.maxFindingLength) };
    if (entry !== void 0) finding.entry = clip(entry, Math.max(this.caps.maxPathLength, 256));
    this.all.push(finding);
  }
  /** Adds the limit-findings note when findings were left out. */
  finish() {
    const { error, warning, info } = this.omitted;
    if (error + warning + info === 0) return;
    this.all.push({
      code: "limit-findings",
      severity: severityOf("limit-findings"),
      message: `${error} more errors, ${warning} more warnings and ${info} more notes were found but not listed (limits.maxFindings is ${this.caps.maxFindings} per severity). Fix the listed ones, or raise the limit to see the rest.`
    });
  }
  has(code) {
    return this.codes.has(code);
  }
  get hasErrors() {
    return this.kept.error > 0;
  }
  bySeverity(severity) {
    return this.all.filter((f) => f.severity === severity);
  }
};

// src/archive/limits.ts
var GiB = 1024 ** 3;
var MiB = 1024 ** 2;
var DEFAULT_LIMITS = Object.freeze({
  maxEntries: 5e4,
  maxTotalSize: 64 * GiB,
  maxIrisDatSize: 64 * GiB,
  maxEntrySize: 4 * GiB,
  maxXmlSize: 16 * MiB,
  maxHeaderExtensionSize: 1 * MiB,
  maxPathLength: 1024,
  readStallTimeoutMs: 6e4,
  maxXmlDepth: 256,
  maxCompressionRatio: 200,
  compressionRatioGraceSize: 1 * GiB,
  maxFindings: 1e3,
  maxFindingLength: 2e3
});
function resolveLimits(partial = {}) {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(partial)) {
    if (value === void 0) continue;
    if (!(key in DEFAULT_LIMITS)) {
      throw new UsageError(
        `unknown archive limit "${key}"`,
        `Known limits: ${Object.keys(DEFAULT_LIMITS).join(", ")}.`
      );
    }
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
      throw new UsageError(`archive limit ${key} must be a positive integer, got ${String(value)}`);
    }
    limits[key] = value;
  }
  return limits;
}

// src/archive/xml-reader.ts
var import_saxes = __toESM(require_saxes(), 1);
var DoctypeFound = class extends Error {
};
var TooDeep = class extends Error {
};
var MAX_TRACKED_PATH = 512;
function decode(bytes) {
  if (bytes[0] === 254 && bytes[1] === 255 || bytes[0] === 255 && bytes[1] === 254) {
    return { code: "xml-unsupported-encoding", detail: "it is UTF-16; IPM writes UTF-8" };
  }
  const start = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
  const declared = /^<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(
    bytes.toString("latin1", start, start + 256)
  )?.[1];
  const encoding = (declared ?? "utf-8").toLowerCase();
  if (encoding === "iso-8859-1" || encoding === "latin1") return { text: bytes.toString("latin1", start) };
  if (encoding !== "utf-8" && encoding !== "utf8" && encoding !== "us-ascii" && encoding !== "ascii") {
    return { code: "xml-unsupported-encoding", detail: `it declares encoding "${declared}"; expected UTF-8` };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start)) };
  } catch {
    return { code: "xml-not-well-formed", detail: "it is not valid UTF-8" };
  }
}
function readXml(bytes, visitor, options) {
  const decoded = decode(bytes);
  if (!("text" in decoded)) return { ok: false, code: decoded.code, detail: decoded.detail };
  const parser = new import_saxes.SaxesParser({ xmlns: false, position: true });
  const paths = [];
  const texts = [];
  let depth = 0;
  parser.on("doctype", () => {
    throw new DoctypeFound();
  });
  parser.on("opentag", (tag) => {
    depth++;
    if (depth > options.maxDepth) throw new TooDeep();
    if (depth > visitor.trackDepth) return;
    const parent = depth === 1 ? "" : paths[depth - 2];
    const path = parent === null || parent.length + tag.name.length >= MAX_TRACKED_PATH ? null : depth === 1 ? tag.name : `${parent}/${tag.name}`;
    paths.push(path);
    texts.push(path !== null && visitor.wantsText?.(path) ? "" : null);
    if (path !== null) visitor.open?.(path, tag.attributes);
  });
  const addText = (t) => {
    if (depth === 0 || depth > visitor.trackDepth) return;
    const own = texts[depth - 1];
    if (own !== null && own !== void 0) texts[depth - 1] = own + t;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    if (depth-- > visitor.trackDepth) return;
    const path = paths.pop();
    const text = texts.pop() ?? "";
    if (path !== null) visitor.close?.(path, text);
  });
  try {
    parser.write(decoded.text).close();
  } catch (err) {
    if (err instanceof DoctypeFound) {
      return {
        ok: false,
        code: "xml-doctype",
        detail: "it has a DOCTYPE declaration (DTD/entities are refused, never expanded)"
      };
    }
    if (err instanceof TooDeep) {
      return {
        ok: false,
        code: "limit-xml-depth",
        detail: `it nests elements more than limits.maxXmlDepth (${options.maxDepth}) deep`
      };
    }
    return { ok: false, code: "xml-not-well-formed", detail: err.message };
  }
  return { ok: true, text: options.keepText ? decoded.text : null };
}

// src/archive/module-manifest.ts
var MODULE = "Export/Document/Module";
var SINGLE = ["Name", "Version", "Description", "Packaging", "Checksum", "SystemRequirements", "UpdatePackage"];
var NOT_RESOURCES = /* @__PURE__ */ new Set(["Default", "Parameter", "Invoke", "Mapping", "SystemRequirements", "Dependencies"]);
var RESOURCE_NAME_ATTRIBUTES = ["Name", "Path", "SourcePath", "Url"];
function resourceFrom(element, attributes) {
  const key = RESOURCE_NAME_ATTRIBUTES.find((a) => attributes[a] !== void 0);
  if (key === void 0) return null;
  return {
    element,
    name: attributes[key],
    processor: element === "Resource" ? attributes.ProcessorClass ?? null : element,
    scope: attributes.Scope ?? null,
    attributes
  };
}
var DEPENDENCY_FIELD_LENGTH = 1024;
var TRACK_DEPTH = 6;
var REFERENCE = `${MODULE}/Dependencies/ModuleReference`;
function readModuleManifest(bytes, options = { maxDepth: DEFAULT_LIMITS.maxXmlDepth, role: "module" }) {
  const full = options.role === "module";
  const textWanted = new Set(
    [...SINGLE.filter((c) => full || c !== "Description").map((c) => `${MODULE}/${c}`)].concat(
      full ? [`${REFERENCE}/Name`, `${REFERENCE}/Version`] : []
    )
  );
  const m = {
    name: null,
    version: null,
    description: null,
    packaging: null,
    checksum: null,
    systemRequirements: null,
    updatePackage: null,
    dependencies: [],
    resources: [],
    repeated: [],
    documentName: null,
    layoutProblem: null
  };
  const seen = /* @__PURE__ */ new Map();
  let root = null;
  let documents = 0;
  let modules = 0;
  let checksumAlgorithm = null;
  let reference = null;
  const count = (what) => {
    const n = (seen.get(what) ?? 0) + 1;
    seen.set(what, n);
    if (n === 2) m.repeated.push(what);
    return n;
  };
  const xml = readXml(
    bytes,
    {
      trackDepth: TRACK_DEPTH,
      wantsText: (path) => textWanted.has(path),
      open(path, attributes) {
        if (root === null) root = path;
        if (path === "Export/Document" && ++documents === 1) m.documentName = attributes.name ?? null;
        if (path === MODULE && ++modules === 2) m.repeated.push("Document/Module");
        if (modules > 1) return;
        if (path === `${MODULE}/Checksum`) checksumAlgorithm = attributes.Algorithm ?? null;
        if (path === `${MODULE}/SystemRequirements` && m.systemRequirements === null)
          m.systemRequirements = { ...attributes };
        if (!full) return;
        if (path === REFERENCE) reference = { name: null, version: null };
        const parts = path.split("/");
        const isModuleChild = parts.length === 4 && path.startsWith(`${MODULE}/`);
        const isWrappedResource = parts.length === 5 && path.startsWith(`${MODULE}/Resources/`);
        if ((isModuleChild || isWrappedResource) && !NOT_RESOURCES.has(parts[parts.length - 1])) {
          const resource = resourceFrom(parts[parts.length - 1], attributes);
          if (resource) m.resources.push(resource);
        }
      },
      close(path, text) {
        if (modules > 1) return;
        if (reference && path === `${REFERENCE}/Name`) reference.name = text.trim();
        if (reference && path === `${REFERENCE}/Version`) reference.version = text.trim();
        if (reference && path === REFERENCE) {
          if (reference.name) m.dependencies.push({ name: reference.name, version: reference.version || null });
          reference = null;
        }
        if (!path.startsWith(`${MODULE}/`)) return;
        const child = path.slice(MODULE.length + 1);
        if (!SINGLE.includes(child)) return;
        if (count(child) > 1) return;
        const value = text.trim();
        if (child === "Name") m.name = value || null;
        else if (child === "Version") m.version = value || null;
        else if (child === "Description") m.description = value;
        else if (child === "Packaging") m.packaging = value;
        else if (child === "Checksum") m.checksum = { algorithm: checksumAlgorithm, value };
        else if (child === "UpdatePackage") m.updatePackage = value || null;
      }
    },
    { maxDepth: options.maxDepth, keepText: full }
  );
  if (!full) {
    m.name = m.name === null ? null : clip(m.name, DEPENDENCY_FIELD_LENGTH);
    m.version = m.version === null ? null : clip(m.version, DEPENDENCY_FIELD_LENGTH);
    m.documentName = m.documentName === null ? null : clip(m.documentName, DEPENDENCY_FIELD_LENGTH);
    m.packaging = m.packaging === null ? null : clip(m.packaging, DEPENDENCY_FIELD_LENGTH);
  }
  if (xml.ok) {
    if (root !== "Export") m.layoutProblem = `the root element is <${root}>, expected <Export>`;
    else if (documents === 0) m.layoutProblem = "there is no /Export/Document element";
    else if (modules === 0) m.layoutProblem = "there is no /Export/Document/Module element";
    if (documents > 1) m.repeated.push("Export/Document");
  }
  return { xml, manifest: m };
}
function isTestScoped(resource) {
  const scope = resource.scope?.toLowerCase();
  return scope === "test" || scope === "verify";
}

// src/archive/archive-collector.ts
var KIND = {
  file: "file",
  directory: "directory",
  symlink: "symlink",
  hardlink: "hardlink",
  chardev: "device",
  blockdev: "device",
  fifo: "fifo",
  "pax-header": "other",
  "pax-global": "other",
  "gnu-longname": "other",
  "gnu-longlink": "other",
  unsupported: "other"
};
var KIND_PROBLEM = {
  symlink: ["entry-symlink", "is a symbolic link"],
  hardlink: ["entry-hardlink", "is a hard link"],
  chardev: ["entry-device", "is a character device"],
  blockdev: ["entry-device", "is a block device"],
  fifo: ["entry-fifo", "is a FIFO (named pipe)"]
};
function roleOf(path, kind) {
  if (kind === "directory") return "directory";
  if (path === "IRIS.DAT") return "iris-dat";
  if (path === "module.xml") return "module-xml";
  if (/^deps\/[^/]+\.xml$/i.test(path)) return "dependency";
  if (path.startsWith("deps-files/")) return "dependency-file";
  if (/\.whl$/i.test(path)) return "wheel";
  if (/\.cpf$/i.test(path)) return "cpf";
  return "resource";
}
var BufferSink = class {
  constructor(size, done) {
    this.done = done;
    this.buf = Buffer.allocUnsafe(size);
  }
  done;
  buf;
  fill = 0;
  data(chunk) {
    chunk.copy(this.buf, this.fill);
    this.fill += chunk.length;
  }
  end() {
    if (this.fill === this.buf.length) this.done(this.buf);
  }
};
var HashSink = class {
  constructor(hasher, size, done) {
    this.hasher = hasher;
    this.size = size;
    this.done = done;
  }
  hasher;
  size;
  done;
  seen = 0;
  data(chunk) {
    this.hasher.update(chunk);
    this.seen += chunk.length;
  }
  end() {
    if (this.seen === this.size) this.done();
  }
};
var ArchiveCollector = class {
  constructor(findings, limits, newDatHasher = () => new InlineHasher()) {
    this.findings = findings;
    this.limits = limits;
    this.newDatHasher = newDatHasher;
    this.keptPathLength = Math.max(limits.maxPathLength, SHOWN_NAME_LENGTH);
  }
  findings;
  limits;
  newDatHasher;
  result = {
    entries: [],
    irisDat: null,
    irisDatWrongKind: null,
    moduleXml: null,
    moduleXmlWrongKind: null,
    dependencyFiles: /* @__PURE__ */ new Map(),
    deps: null,
    uncompressedSize: 0
  };
  kinds = /* @__PURE__ */ new Map();
  /** Digest of each lower-cased path -> the path: finds case collisions without a second copy of every path. */
  lowerCase = /* @__PURE__ */ new Map();
  /** Longest path kept in the inventory and on findings for an unsafe or over-long path. */
  keptPathLength;
  /** IRIS.DAT read whole; its digest may still be computing on another thread until settle(). */
  datHashed = null;
  datHasher = null;
  problem(code, message, entry) {
    this.findings.add(code, message, entry);
  }
  entry(tar) {
    const normalised = normaliseEntryPath(tar.path);
    if (normalised.skip) return null;
    const kind = tar.type === "file" && tar.size === 0 && tar.path.endsWith("/") ? "directory" : KIND[tar.type];
    const shown = printablePath(tar.path);
    let safe = normalised.problems.length === 0;
    for (const p of normalised.problems) {
      this.problem(
        p.code,
        `entry ${shown} ${p.detail}. Archive paths must be relative and stay inside the archive: this archive is unsafe to extract, do not install it.`,
        clip(tar.path, this.keptPathLength)
      );
    }
    if (Buffer.byteLength(normalised.path) > this.limits.maxPathLength) {
      this.problem(
        "limit-path-length",
        `entry ${shown} has a path longer than limits.maxPathLength (${this.limits.maxPathLength} bytes).`,
        clip(normalised.path, this.keptPathLength)
      );
      safe = false;
    }
    const path = clip(safe ? normalised.path : tar.path, this.keptPathLength);
    const kindProblem = KIND_PROBLEM[tar.type];
    if (kindProblem) {
      const target = tar.linkname ? ` to ${printablePath(tar.linkname)}` : "";
      this.problem(
        kindProblem[0],
        `entry ${shown} ${kindProblem[1]}${target}. A database package holds only regular files and directories: do not install it.`,
        path
      );
    } else if (tar.type === "unsupported") {
      this.problem(
        "entry-unsupported-type",
        `entry ${shown} has tar type "${printable(tar.typeflag)}", which a database package never holds. Rebuild the archive with IPM.`,
        path
      );
    }
    const accepted = safe && (kind === "file" || kind === "directory");
    if (safe && tar.nameFieldFull && tar.format === "ustar") {
      this.problem(
        "entry-name-maybe-truncated",
        `entry "${path}" fills the 99-byte ustar name field; IPM's writer cuts longer names there, so the name may be cut short. Keep packaged file names under 99 bytes.`,
        path
      );
    }
    const inventory = { path, kind, size: tar.size, role: accepted ? roleOf(path, kind) : "rejected" };
    if (tar.linkname && (kind === "symlink" || kind === "hardlink"))
      inventory.linkTarget = clip(tar.linkname, SHOWN_NAME_LENGTH);
    this.result.entries.push(inventory);
    this.result.uncompressedSize += tar.size;
    const firstKind = safe ? this.checkCollisions(path, kind) : kind;
    if (safe && kind !== "file") {
      if (path === "IRIS.DAT") this.result.irisDatWrongKind = kind;
      if (path === "module.xml") this.result.moduleXmlWrongKind = kind;
    }
    if (!accepted) {
      if (safe && path === "deps") this.result.deps = "file";
      return this.skip(tar, path);
    }
    if (path === "deps" || path.startsWith("deps/")) {
      if (path === "deps" && kind === "file") this.result.deps = this.result.deps ?? "file";
      else this.result.deps = "directory";
    }
    if (kind === "directory") return null;
    const limit = path === "IRIS.DAT" ? this.limits.maxIrisDatSize : this.limits.maxEntrySize;
    if (tar.size > limit) {
      const which = path === "IRIS.DAT" ? "maxIrisDatSize" : "maxEntrySize";
      this.problem(
        "limit-entry-size",
        `entry "${path}" is ${tar.size} bytes, over limits.${which} (${limit}); verification stopped there. Raise the limit if this package is genuine.`,
        path
      );
      return "abort";
    }
    if (path === "IRIS.DAT") {
      if (this.result.irisDat || firstKind !== "file") return null;
      const hasher = this.newDatHasher(tar.size);
      this.datHasher = hasher;
      return new HashSink(hasher, tar.size, () => {
        this.datHashed = { size: tar.size, hasher };
      });
    }
    const depMatch = /^deps\/([^/]+)\.xml$/.exec(path);
    if (path === "module.xml" || depMatch) {
      if (tar.size > this.limits.maxXmlSize) {
        this.problem(
          "limit-xml-size",
          `"${path}" is ${tar.size} bytes, over limits.maxXmlSize (${this.limits.maxXmlSize}); it was not parsed.`,
          path
        );
        return null;
      }
      if (path === "module.xml" && this.result.moduleXml) return null;
      if (depMatch && this.result.dependencyFiles.has(depMatch[1])) return null;
      return new BufferSink(tar.size, (data) => {
        const role = path === "module.xml" ? "module" : "dependency";
        const parsed = { path, ...readModuleManifest(data, { maxDepth: this.limits.maxXmlDepth, role }) };
        if (path === "module.xml") this.result.moduleXml = parsed;
        else this.result.dependencyFiles.set(depMatch[1], parsed);
      });
    }
    if (path.startsWith("deps/")) {
      this.problem(
        "deps-unexpected-entry",
        `"${path}" is in deps/, which should hold only <dependency>.xml files (IRIS exports of each dependency's module).`,
        path
      );
    }
    return null;
  }
  skip(tar, path) {
    if (tar.size > this.limits.maxEntrySize) {
      this.problem(
        "limit-entry-size",
        `entry "${path}" is ${tar.size} bytes, over limits.maxEntrySize (${this.limits.maxEntrySize}); verification stopped there.`,
        path
      );
      return "abort";
    }
    return null;
  }
  /** Records `path`, reports a duplicate or a case collision; returns the kind first recorded at `path`. */
  checkCollisions(path, kind) {
    const previous = this.kinds.get(path);
    if (previous !== void 0) {
      this.problem(
        "entry-duplicate",
        `"${path}" appears more than once in the archive (as ${previous}, then as ${kind}); an extractor would silently keep one of them. Rebuild the archive with IPM.`,
        path
      );
      return previous;
    }
    this.kinds.set(path, kind);
    const lower = createHash3("sha1").update(path.toLowerCase()).digest("base64");
    const other = this.lowerCase.get(lower);
    if (other !== void 0) {
      this.problem(
        "entry-case-collision",
        `"${path}" and "${other}" differ only in letter case; on Windows or macOS one overwrites the other.`,
        path
      );
    } else {
      this.lowerCase.set(lower, path);
    }
    return kind;
  }
  /** The hasher of IRIS.DAT, once its entry has started (to be told about every output chunk). */
  get irisDatHasher() {
    return this.datHasher;
  }
  /** After decompression has ended: waits for IRIS.DAT's digest (when IRIS.DAT was read whole). */
  async settle() {
    if (this.datHashed) {
      this.result.irisDat = { size: this.datHashed.size, sha256: await this.datHashed.hasher.digest() };
    } else {
      this.close();
    }
  }
  /** Releases the IRIS.DAT hasher when verification ends without a digest. */
  close() {
    this.datHasher?.close();
  }
  /**
   * After the last entry: reports entries lying below a path that another entry makes a regular
   * file (or link...). Sorting with "/" as the lowest character puts every path's descendants right
   * after it, so this costs one sort however deep the paths are, and no memory per path segment.
   */
  finish() {
    const items = [...this.kinds];
    items.sort(([a], [b]) => compareSlashFirst(a, b));
    for (let i = 0; i + 1 < items.length; i++) {
      const [path, kind] = items[i];
      const [next] = items[i + 1];
      const below = next.length > path.length && next.charCodeAt(path.length) === SLASH && next.startsWith(path);
      if (kind !== "directory" && below) {
        this.problem(
          "entry-path-conflict",
          `"${next}" lies below "${path}", which the archive makes a ${kind}; an extractor would fail or replace one with the other.`,
          next
        );
      }
    }
  }
};
var SLASH = 47;
function compareSlashFirst(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return (x === SLASH ? -1 : x) - (y === SLASH ? -1 : y);
  }
  return a.length - b.length;
}
function printable(flag) {
  return JSON.stringify(flag).slice(1, -1);
}

// src/archive/archive-source.ts
import { constants } from "node:fs";
import { open } from "node:fs/promises";
var READ_CHUNK_SIZE = 1024 * 1024;
function unreadable(path, why, cause) {
  return new IpmDbError("archive-unreadable", `cannot read archive ${path}: ${why}`, {
    hint: "Give the path of a readable .tgz file written by IPM package-database.",
    cause
  });
}
function describeOpenError(err) {
  switch (err.code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a directory";
    case "ELOOP":
      return "too many symbolic links";
    default:
      return err.message;
  }
}
async function openArchiveFile(path) {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw unreadable(path, describeOpenError(err), err);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw unreadable(path, stat.isDirectory() ? "it is a directory" : "it is not a regular file");
    const read = async () => {
      const buffer = Buffer.allocUnsafe(READ_CHUNK_SIZE);
      let result;
      try {
        result = await handle.read(buffer, 0, buffer.length, null);
      } catch (err) {
        throw unreadable(path, describeOpenError(err), err);
      }
      return result.bytesRead === 0 ? null : buffer.subarray(0, result.bytesRead);
    };
    const chunks = async function* () {
      let next = read();
      for (; ; ) {
        const chunk = await next;
        if (chunk === null) return;
        next = read();
        next.catch(() => void 0);
        yield chunk;
      }
    };
    return { size: stat.size, chunks: chunks(), close: () => handle.close().catch(() => void 0) };
  } catch (err) {
    await handle.close().catch(() => void 0);
    throw err;
  }
}
async function* withStallTimeout(source, timeoutMs, what) {
  const iterator = source[Symbol.asyncIterator]();
  try {
    for (; ; ) {
      let timer;
      const stalled = new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(
            new IpmDbError("archive-unreadable", `reading ${what} stalled: no data for ${timeoutMs} ms`, {
              hint: "Check the file system or network the archive is on, or copy the archive to a local disk."
            })
          ),
          timeoutMs
        );
      });
      let step;
      try {
        step = await Promise.race([iterator.next(), stalled]);
      } finally {
        clearTimeout(timer);
      }
      if (step.done) return;
      yield step.value;
    }
  } finally {
    void Promise.resolve(iterator.return?.()).catch(() => void 0);
  }
}

// src/archive/gzip-member.ts
import * as zlib from "node:zlib";

// src/archive/tar-header.ts
var BLOCK_SIZE = 512;
var TYPES = {
  "0": "file",
  "\0": "file",
  "7": "file",
  // contiguous file: an ordinary file to every reader
  "1": "hardlink",
  "2": "symlink",
  "3": "chardev",
  "4": "blockdev",
  "5": "directory",
  "6": "fifo",
  x: "pax-header",
  g: "pax-global",
  L: "gnu-longname",
  K: "gnu-longlink"
};
var ZERO_BLOCK = Buffer.alloc(BLOCK_SIZE);
function isZeroBlock(block) {
  return block.equals(ZERO_BLOCK);
}
function isAllZero(buf) {
  for (let off = 0; off < buf.length; off += BLOCK_SIZE) {
    const part = buf.subarray(off, Math.min(off + BLOCK_SIZE, buf.length));
    if (!part.equals(ZERO_BLOCK.subarray(0, part.length))) return false;
  }
  return true;
}
function cString(block, start, length) {
  const end = block.indexOf(0, start);
  return block.toString("utf8", start, end < 0 || end > start + length ? start + length : end);
}
function parseNumericField(block, start, length) {
  const first = block[start];
  if (first & 128) {
    if (first === 255) return null;
    let value2 = first & 127;
    for (let i2 = 1; i2 < length; i2++) {
      value2 = value2 * 256 + block[start + i2];
      if (value2 > Number.MAX_SAFE_INTEGER) return null;
    }
    return value2;
  }
  let i = start;
  const end = start + length;
  while (i < end && (block[i] === 32 || block[i] === 0)) i++;
  let value = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = block[i];
    if (c === 32 || c === 0) break;
    if (c < 48 || c > 55) return null;
    value = value * 8 + (c - 48);
    digits++;
  }
  for (; i < end; i++) if (block[i] !== 32 && block[i] !== 0) return null;
  return digits === 0 ? 0 : value;
}
function checksums(block) {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK_SIZE; i++) {
    const b = i >= 148 && i < 156 ? 32 : block[i];
    unsigned += b;
    signed += b >= 128 ? b - 256 : b;
  }
  return { unsigned, signed };
}
function parseTarHeader(block) {
  const stored = parseNumericField(block, 148, 8);
  const { unsigned, signed } = checksums(block);
  if (stored === null || stored !== unsigned && stored !== signed) {
    return {
      ok: false,
      code: "tar-header-checksum",
      detail: `header checksum field reads ${stored === null ? "unreadable" : stored} but the header sums to ${unsigned}`
    };
  }
  const size = parseNumericField(block, 124, 12);
  if (size === null) return { ok: false, code: "tar-header-invalid", detail: "the size field is not a number" };
  const magic = block.toString("latin1", 257, 263);
  const format = magic === "ustar\0" ? "ustar" : magic === "ustar " ? "gnu" : "v7";
  const name = cString(block, 0, 100);
  const prefix = format === "ustar" ? cString(block, 345, 155) : "";
  const typeflag = String.fromCharCode(block[156]);
  const type = TYPES[typeflag] ?? "unsupported";
  return {
    ok: true,
    header: {
      path: prefix === "" ? name : `${prefix}/${name}`,
      nameFieldFull: Buffer.byteLength(name) >= 99,
      size: type === "directory" || type === "symlink" || type === "hardlink" ? 0 : size,
      typeflag,
      type,
      linkname: cString(block, 157, 100),
      format
    }
  };
}
function parsePaxRecords(data) {
  const records = /* @__PURE__ */ new Map();
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === 0) break;
    const space = data.indexOf(32, pos);
    if (space < 0 || space - pos > 20) throw new Error(`pax record at byte ${pos} has no length`);
    const lengthText = data.toString("latin1", pos, space);
    if (!/^[1-9][0-9]*$/.test(lengthText)) throw new Error(`pax record at byte ${pos} has length "${lengthText}"`);
    const length = Number(lengthText);
    const end = pos + length;
    if (end > data.length || data[end - 1] !== 10) throw new Error(`pax record at byte ${pos} overruns its length`);
    const record = data.toString("utf8", space + 1, end - 1);
    const eq = record.indexOf("=");
    if (eq <= 0) throw new Error(`pax record at byte ${pos} has no key=value`);
    records.set(record.slice(0, eq), record.slice(eq + 1));
    pos = end;
  }
  return records;
}

// src/archive/gzip-member.ts
var FHCRC = 2;
var FEXTRA = 4;
var FNAME = 8;
var FCOMMENT = 16;
var RESERVED = 224;
var MAX_HEADER = 64 * 1024;
function parseGzipHeader(buf) {
  if (buf.length >= 1 && buf[0] !== 31) return { error: "it does not start with the gzip magic bytes 1f 8b" };
  if (buf.length >= 2 && buf[1] !== 139) return { error: "it does not start with the gzip magic bytes 1f 8b" };
  if (buf.length >= 3 && buf[2] !== 8) return { error: `compression method ${buf[2]} is not deflate (8)` };
  if (buf.length >= 4 && buf[3] & RESERVED) return { error: "reserved gzip header flag bits are set" };
  if (buf.length < 10) return { complete: false };
  const flags = buf[3];
  let pos = 10;
  if (flags & FEXTRA) {
    if (buf.length < pos + 2) return { complete: false };
    pos += 2 + buf.readUInt16LE(pos);
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    const nul = buf.indexOf(0, pos);
    if (nul < 0)
      return buf.length > MAX_HEADER ? { error: "the gzip header name/comment never ends" } : { complete: false };
    pos = nul + 1;
  }
  if (flags & FHCRC) pos += 2;
  if (pos > MAX_HEADER) return { error: "the gzip header is implausibly long" };
  return buf.length < pos ? { complete: false } : { complete: true, length: pos };
}
var crcTable = null;
function crc32Fallback(data, crc) {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c2 = n;
      for (let k = 0; k < 8; k++) c2 = c2 & 1 ? 3988292384 ^ c2 >>> 1 : c2 >>> 1;
      crcTable[n] = c2;
    }
  }
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 255] ^ c >>> 8;
  return ~c >>> 0;
}
var crc322 = typeof zlib.crc32 === "function" ? zlib.crc32 : crc32Fallback;
var GzipMemberDecoder = class {
  constructor(onData, options) {
    this.onData = onData;
    this.options = options;
  }
  onData;
  options;
  phase = "header";
  pending = Buffer.alloc(0);
  inflate = null;
  queue = [];
  queueStart = 0;
  crc = 0;
  outSize = 0;
  inflateError = null;
  ended = null;
  afterCount = 0;
  afterHead = Buffer.alloc(0);
  afterAllZero = true;
  problems = [];
  memberComplete = false;
  wake = null;
  /** zlib output not yet handed to onData (see startInflate). */
  output = [];
  /** Whether the decoder still wants input beyond counting trailing bytes. */
  get decoding() {
    return this.phase === "header" || this.phase === "body" || this.phase === "trailer";
  }
  /** Holds decompressed output back (zlib then stops once its buffers are full) until resumeOutput(). */
  pauseOutput() {
    this.inflate?.pause();
  }
  resumeOutput() {
    this.inflate?.resume();
  }
  /** Stops decompressing (e.g. the tar layer gave up); later input is only counted. */
  abandon() {
    if (this.phase === "failed") return;
    this.inflate?.destroy();
    this.inflate = null;
    this.phase = "failed";
  }
  async write(chunk) {
    switch (this.phase) {
      case "failed":
        return;
      case "after":
        this.noteAfter(chunk);
        return;
      case "trailer":
        return this.takeTrailer(chunk);
      case "header": {
        this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
        const header = parseGzipHeader(this.pending);
        if ("error" in header)
          return this.failWith("gzip-invalid-header", `the file is not a gzip archive: ${header.error}.`);
        if (!header.complete) return;
        const body = this.pending.subarray(header.length);
        this.pending = Buffer.alloc(0);
        this.startInflate();
        this.phase = "body";
        if (body.length) await this.feed(body);
        return;
      }
      case "body":
        return this.feed(chunk);
    }
  }
  /** Call once at the end of input; resolves when everything is decided. */
  async end() {
    if (this.phase === "header") {
      const what = this.pending.length === 0 ? "the file is empty" : `the file ends inside the gzip header (${this.pending.length} bytes)`;
      this.failWith("gzip-invalid-header", `${what}; expected a gzip-compressed tar archive.`);
    } else if (this.phase === "body") {
      this.inflate.end();
      await this.ended;
      if (this.phase === "body") {
        const cut = !this.inflateError || this.inflateError.code === "Z_BUF_ERROR";
        if (cut) {
          const where = this.inflateError ? "inside the compressed data" : "before the gzip trailer (CRC-32 and length)";
          this.failWith(
            "gzip-truncated",
            `the file ends ${where}. The archive is cut short: rebuild or re-download it.`
          );
        } else {
          this.reportInflateError();
        }
      }
    }
    if (this.phase === "trailer") {
      this.failWith(
        "gzip-truncated",
        `the file ends inside the 8-byte gzip trailer (${this.pending.length} bytes present). The archive is cut short: rebuild or re-download it.`
      );
    }
    if (this.afterCount > 0) this.reportAfter();
    return { problems: this.problems, memberComplete: this.memberComplete, trailingBytes: this.afterCount };
  }
  startInflate() {
    const inflate = zlib.createInflateRaw({
      chunkSize: this.options.chunkSize,
      highWaterMark: this.options.highWaterMark
    });
    this.inflate = inflate;
    inflate.on("data", (out) => {
      this.output.push(out);
      if (this.output.length === 1) process.nextTick(this.takeOutput);
    });
    this.ended = new Promise((resolve) => {
      inflate.once("end", () => {
        this.takeOutput();
        this.onDeflateEnd(inflate);
        this.wake?.();
        resolve();
      });
      inflate.once("error", (err) => {
        this.takeOutput();
        this.inflateError = err;
        this.wake?.();
        resolve();
      });
      inflate.once("close", () => {
        this.takeOutput();
        this.wake?.();
        resolve();
      });
    });
  }
  /** Checks and hands on the output zlib produced so far, in order; none once abandoned. */
  takeOutput = () => {
    const output = this.output;
    this.output = [];
    for (const out of output) {
      if (this.phase !== "body") return;
      this.crc = crc322(out, this.crc);
      this.outSize += out.length;
      this.onData(out);
    }
  };
  /**
   * Input is queued in zlib (up to highWaterMark) so the threadpool never waits for the main
   * thread; the chunks stay listed until zlib has consumed them, so that when the deflate data
   * ends the bytes after it (trailer, then anything else) can be recovered exactly.
   */
  async feed(body) {
    const inflate = this.inflate;
    this.queue.push(body);
    if (!inflate.write(body)) {
      await new Promise((resolve) => {
        this.wake = resolve;
        inflate.once("drain", resolve);
      });
      this.wake = null;
      inflate.removeAllListeners("drain");
    }
    if (this.phase !== "body") return;
    if (this.inflateError) return this.reportInflateError();
    while (this.queue.length && this.queueStart + this.queue[0].length <= inflate.bytesWritten) {
      const done = this.queue.shift();
      this.queueStart += done.length;
      this.options.onInputDone?.(done);
    }
  }
  /** The deflate data ended and all its output was read: what zlib did not consume follows it. */
  onDeflateEnd(inflate) {
    if (this.phase !== "body") return;
    let consumed = inflate.bytesWritten - this.queueStart;
    const rest = [];
    for (const chunk of this.queue) {
      if (consumed >= chunk.length) consumed -= chunk.length;
      else {
        rest.push(chunk.subarray(consumed));
        consumed = 0;
      }
    }
    this.queue = [];
    this.inflate = null;
    inflate.destroy();
    this.phase = "trailer";
    for (const chunk of rest) {
      if (this.phase === "trailer") this.takeTrailer(chunk);
      else this.noteAfter(chunk);
    }
  }
  reportInflateError() {
    const message = this.inflateError?.message ?? "decompression stopped";
    this.failWith("gzip-corrupt", `the compressed data is corrupt (${message}). Rebuild or re-download the archive.`);
  }
  takeTrailer(chunk) {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    if (this.pending.length < 8) return;
    const storedCrc = this.pending.readUInt32LE(0);
    const storedSize = this.pending.readUInt32LE(4);
    const rest = this.pending.subarray(8);
    this.pending = Buffer.alloc(0);
    this.phase = "after";
    if (storedCrc !== this.crc) {
      this.problems.push({
        code: "gzip-crc-mismatch",
        message: `the gzip trailer records CRC-32 ${hex8(storedCrc)} but the decompressed data has ${hex8(this.crc)}. The archive is corrupt: rebuild or re-download it.`
      });
    } else if (storedSize !== this.outSize % 2 ** 32) {
      this.problems.push({
        code: "gzip-size-mismatch",
        message: `the gzip trailer records ${storedSize} bytes (mod 2^32) but ${this.outSize} were decompressed. The archive is corrupt: rebuild or re-download it.`
      });
    } else {
      this.memberComplete = true;
    }
    if (rest.length) this.noteAfter(rest);
  }
  noteAfter(chunk) {
    if (this.afterHead.length < 2)
      this.afterHead = Buffer.concat([this.afterHead, chunk.subarray(0, 2 - this.afterHead.length)]);
    if (this.afterAllZero && !isAllZero(chunk)) this.afterAllZero = false;
    this.afterCount += chunk.length;
  }
  reportAfter() {
    if (this.afterHead[0] === 31 && this.afterHead[1] === 139) {
      this.problems.push({
        code: "gzip-multiple-members",
        message: `a second gzip member (${this.afterCount} bytes) follows the first. IPM writes one member and readers disagree on the rest: rebuild the archive with IPM instead of concatenating.`
      });
    } else {
      const what = this.afterAllZero ? `${this.afterCount} zero bytes` : `${this.afterCount} bytes of non-gzip data`;
      this.problems.push({
        code: "gzip-trailing-data",
        message: `${what} follow the gzip member. IPM writes nothing after it: the file was padded or altered, rebuild it.`
      });
    }
  }
  failWith(code, message) {
    if (this.phase !== "failed") this.problems.push({ code, message });
    this.abandon();
  }
};
function hex8(n) {
  return n.toString(16).padStart(8, "0");
}

// src/archive/package-checks.ts
function nestedHint(collected, name) {
  const nested = collected.entries.find(
    (e) => e.path.toLowerCase().endsWith(`/${name.toLowerCase()}`) || e.path !== name && e.path.toLowerCase() === name.toLowerCase()
  );
  return nested ? ` Found "${nested.path}" instead: IPM expects "${name}" at the top level of the archive, exactly so named.` : "";
}
function xmlProblem(findings, entry) {
  if (entry.xml.ok) return false;
  findings.add(
    entry.xml.code,
    `"${entry.path}" is rejected: ${entry.xml.detail}. Rebuild the package with IPM.`,
    entry.path
  );
  return true;
}
function checkPackage(collected, fileName, expected, complete, findings) {
  checkIrisDat(collected, complete, findings);
  const module = checkModuleXml(collected, expected, complete, findings);
  const checksum = checkChecksum(collected, module, findings);
  const dependencies = checkDependencies(collected, module, complete, findings);
  if (module) checkFileName(fileName, module, findings);
  const builtWithTestResources = module ? judgeTestResources(collected, module, findings) : null;
  return { module: module?.report ?? null, checksum, dependencies, builtWithTestResources };
}
function reportMissing(collected, complete, findings, name, wrongKind, what) {
  const code = name === "IRIS.DAT" ? "iris-dat-missing" : "module-xml-missing";
  if (wrongKind) {
    findings.add(code, `${name} is a ${wrongKind}, expected a regular file (${what}).`, name);
  } else if (complete && !collected.entries.some((e) => e.path === name && e.role !== "rejected")) {
    findings.add(
      code,
      `the archive has no ${name}; a database package must hold ${what} at its top level.${nestedHint(collected, name)}`
    );
  }
}
function checkIrisDat(collected, complete, findings) {
  const dat = collected.irisDat;
  if (!dat) {
    reportMissing(collected, complete, findings, "IRIS.DAT", collected.irisDatWrongKind, "the routines database");
    return;
  }
  if (dat.size === 0) {
    findings.add(
      "iris-dat-empty",
      "IRIS.DAT is empty (0 bytes); expected the routines database. Re-run package-database.",
      "IRIS.DAT"
    );
  } else if (dat.size % 8192 !== 0) {
    findings.add(
      "iris-dat-size-unaligned",
      `IRIS.DAT is ${dat.size} bytes, not a multiple of the 8192-byte IRIS block; it may be cut short or not an IRIS database.`,
      "IRIS.DAT"
    );
  }
}
function checkModuleXml(collected, expected, complete, findings) {
  const entry = collected.moduleXml;
  if (!entry) {
    reportMissing(
      collected,
      complete,
      findings,
      "module.xml",
      collected.moduleXmlWrongKind,
      "the enriched module manifest"
    );
    return null;
  }
  if (xmlProblem(findings, entry)) return null;
  const m = entry.manifest;
  if (m.layoutProblem) {
    findings.add(
      "module-xml-layout",
      `module.xml is not an IPM module manifest: ${m.layoutProblem}. Expected /Export/Document/Module.`,
      "module.xml"
    );
    return null;
  }
  for (const element of m.repeated) {
    findings.add(
      "module-element-duplicate",
      `module.xml has more than one <${element}>; IPM writes each once and readers would disagree on which counts. Rebuild the package.`,
      "module.xml"
    );
  }
  if (!m.name) findings.add("module-name-missing", "module.xml has no Module/Name.", "module.xml");
  if (!m.version) findings.add("module-version-missing", "module.xml has no Module/Version.", "module.xml");
  else if (!isSemver(m.version)) {
    findings.add(
      "module-version-not-semver",
      `Module/Version "${m.version}" is not a semantic version (X.Y.Z); IPM resolves and publishes X.Y.Z versions.`,
      "module.xml"
    );
  }
  if (m.packaging !== "database") {
    findings.add(
      "packaging-not-database",
      `module.xml does not declare <Packaging>database</Packaging> (got ${m.packaging === null ? "no Packaging element" : `"${m.packaging}"`}); this is not a database package. Build it with package-database.`,
      "module.xml"
    );
  }
  const sysreq = m.systemRequirements;
  const irisVersion = sysreq?.Version?.trim() || null;
  if (!irisVersion) {
    findings.add(
      "iris-version-missing",
      "module.xml has no SystemRequirements/@Version; package-database writes the IRIS major.minor it ran on there.",
      "module.xml"
    );
  } else if (!isIrisMajorMinor(irisVersion)) {
    findings.add(
      "iris-version-malformed",
      `SystemRequirements/@Version "${irisVersion}" is not of the form YYYY.N (IRIS major.minor).`,
      "module.xml"
    );
  } else if (expected.expectedIrisVersion !== void 0) {
    const want = irisMajorMinor(expected.expectedIrisVersion) ?? expected.expectedIrisVersion;
    if (irisMajorMinor(irisVersion) !== want) {
      findings.add(
        "iris-version-mismatch",
        `the package installs only on IRIS ${irisVersion} (SystemRequirements/@Version), but IRIS ${want} was expected. Package it on an IRIS ${want} instance.`,
        "module.xml"
      );
    }
  }
  if (expected.expectedModuleName !== void 0 && m.name && m.name.toLowerCase() !== expected.expectedModuleName.toLowerCase()) {
    findings.add(
      "module-name-mismatch",
      `module.xml names module "${m.name}", but "${expected.expectedModuleName}" was expected.`,
      "module.xml"
    );
  }
  if (expected.expectedModuleVersion !== void 0 && m.version && m.version !== expected.expectedModuleVersion) {
    findings.add(
      "module-version-mismatch",
      `module.xml gives version "${m.version}", but "${expected.expectedModuleVersion}" was expected.`,
      "module.xml"
    );
  }
  const testResources = m.resources.filter(isTestScoped).map((r) => r.name);
  const systemRequirements = { ...sysreq ?? {} };
  delete systemRequirements.Version;
  return {
    report: {
      name: m.name ?? "",
      version: m.version ?? "",
      description: m.description,
      packaging: m.packaging,
      irisVersion,
      systemRequirements,
      updatePackage: m.updatePackage,
      testResources,
      manifestXml: entry.xml.ok ? entry.xml.text ?? "" : ""
    },
    resources: m.resources,
    declaredDependencies: m.dependencies
  };
}
function checkChecksum(collected, module, findings) {
  const manifestChecksum = collected.moduleXml?.manifest.checksum ?? null;
  const actual = collected.irisDat?.sha256 ?? null;
  const result = {
    algorithm: manifestChecksum?.algorithm ?? null,
    expected: manifestChecksum?.value ?? null,
    actual,
    match: false
  };
  if (!module) return result;
  if (!manifestChecksum) {
    findings.add(
      "checksum-missing",
      'module.xml is missing the <Checksum Algorithm="SHA-256"> element that package-database writes; IPM refuses to install without it.',
      "module.xml"
    );
    return result;
  }
  if (manifestChecksum.algorithm !== "SHA-256") {
    findings.add(
      "checksum-algorithm",
      `Checksum/@Algorithm is ${manifestChecksum.algorithm === null ? "missing" : `"${manifestChecksum.algorithm}"`}, expected "SHA-256".`,
      "module.xml"
    );
  }
  if (!isSha256Hex(manifestChecksum.value)) {
    findings.add(
      "checksum-malformed",
      `the Checksum "${manifestChecksum.value.slice(0, 80)}" is not 64 hexadecimal digits.`,
      "module.xml"
    );
    return result;
  }
  if (actual === null) return result;
  result.match = actual === manifestChecksum.value.toLowerCase();
  if (!result.match) {
    findings.add(
      "checksum-mismatch",
      `IRIS.DAT SHA-256 mismatch. Expected: ${manifestChecksum.value} (module.xml) Actual: ${actual}. IRIS.DAT was altered or swapped after packaging: do not install it, rebuild the package.`,
      "IRIS.DAT"
    );
  }
  return result;
}
function checkDependencies(collected, module, complete, findings) {
  if (collected.deps === "file") {
    findings.add(
      "deps-missing",
      '"deps" is not a directory; IPM requires a deps/ directory (possibly empty) holding one <dependency>.xml per dependency.',
      "deps"
    );
  } else if (collected.deps === null && complete) {
    findings.add(
      "deps-missing",
      "the archive has no deps/ directory; IPM refuses a database package without it (it may be empty)."
    );
  }
  const reports = /* @__PURE__ */ new Map();
  for (const [dep, entry] of collected.dependencyFiles) {
    const report = { name: dep, declaredVersion: null, packagedVersion: null, depsFile: entry.path };
    reports.set(dep.toLowerCase(), report);
    if (xmlProblem(findings, entry)) continue;
    const m = entry.manifest;
    if (m.layoutProblem || m.documentName === null) {
      findings.add(
        "dependency-layout",
        `"${entry.path}" is not an IRIS export of a module: ${m.layoutProblem ?? "Export/Document has no name attribute"}. Expected /Export/Document[@name="${dep}.ZPM"]/Module.`,
        entry.path
      );
      continue;
    }
    report.packagedVersion = m.version;
    const wantDocument = `${dep}.ZPM`;
    if (m.documentName.toLowerCase() !== wantDocument.toLowerCase() || (m.name ?? "").toLowerCase() !== dep.toLowerCase()) {
      findings.add(
        "dependency-name-mismatch",
        `"${entry.path}" exports Document "${m.documentName}" with Module/Name "${m.name ?? ""}", expected "${wantDocument}" and "${dep}".`,
        entry.path
      );
    }
  }
  for (const declared of module?.declaredDependencies ?? []) {
    const existing = reports.get(declared.name.toLowerCase());
    if (existing) {
      existing.declaredVersion = declared.version;
      continue;
    }
    reports.set(declared.name.toLowerCase(), {
      name: declared.name,
      declaredVersion: declared.version,
      packagedVersion: null,
      depsFile: null
    });
    if (collected.deps === "directory" || complete) {
      findings.add(
        "dependency-file-missing",
        `module.xml declares dependency "${declared.name}" but the archive has no deps/${declared.name}.xml; the installing instance must already have it or get it from a registry.`,
        `deps/${declared.name}.xml`
      );
    }
  }
  return [...reports.values()].sort((a, b) => a.name.localeCompare(b.name));
}
function checkFileName(fileName, module, findings) {
  const { name, version } = module.report;
  if (!name || !version) return;
  const expectedName = ipmArchiveFileName(name, version);
  if (!isIpmArchiveFileName(fileName)) {
    findings.add(
      "file-name-nonstandard",
      `the file name "${fileName}" does not follow IPM's <name>-<version>-database.tgz pattern (for this module: "${expectedName}").`
    );
  } else if (fileName.toLowerCase() !== expectedName.toLowerCase()) {
    findings.add(
      "file-name-mismatch",
      `the file name "${fileName}" follows IPM's pattern but module.xml says "${name}" version "${version}" (expected "${expectedName}"). The file was renamed or holds another module: check which it is.`
    );
  }
}
var FILE_PROCESSORS = ["filecopy", "pythonwheel", "cpf"];
function judgeTestResources(collected, module, findings) {
  const testScoped = module.resources.filter(isTestScoped);
  if (testScoped.length === 0) {
    findings.add(
      "test-resources-undetermined",
      'module.xml declares no test-scoped resources (Scope="test" or "verify"), so there is nothing to tell.'
    );
    return null;
  }
  const fileResources = testScoped.filter(
    (r) => FILE_PROCESSORS.includes((r.processor ?? "").split(".").pop().toLowerCase())
  );
  if (fileResources.length === 0) {
    findings.add(
      "test-resources-undetermined",
      `module.xml declares test-scoped resources (${testScoped.map((r) => r.name).join(", ")}) that are compiled into IRIS.DAT, whose contents cannot be inspected here.`
    );
    return null;
  }
  const paths = collected.entries.filter((e) => e.role !== "rejected").map((e) => e.path);
  const present = fileResources.filter((r) => {
    const clean = r.name.replace(/^\/+|\/+$/g, "");
    const base = clean.split("/").pop();
    return paths.some((p) => p === clean || p.startsWith(`${clean}/`) || p === base || p.endsWith(`/${base}`));
  });
  if (present.length > 0) {
    findings.add(
      "built-with-test-resources",
      `test-scoped files are packaged (${present.map((r) => r.name).join(", ")}): the package was built with -dev. Do not ship it to production.`
    );
    return true;
  }
  findings.add(
    "built-without-test-resources",
    `test-scoped files declared in module.xml (${fileResources.map((r) => r.name).join(", ")}) are not packaged: the package was built without -dev.`
  );
  return false;
}

// src/archive/report.ts
var VERIFY_REPORT_SCHEMA = "ipm-db/verify-report@1";

// src/archive/tar-stream.ts
var TarStreamParser = class {
  constructor(visitor, limits) {
    this.visitor = visitor;
    this.limits = limits;
  }
  visitor;
  limits;
  state = "header";
  headerBuf = Buffer.alloc(BLOCK_SIZE);
  headerFill = 0;
  remaining = 0;
  entry = null;
  sink = null;
  extension = null;
  pendingPath = null;
  pendingLink = null;
  pendingSize = null;
  position = 0;
  entries = 0;
  zeroBlocks = 0;
  /** Number of real entries seen so far. */
  get entryCount() {
    return this.entries;
  }
  /** Bytes of decompressed stream consumed so far. */
  get bytesSeen() {
    return this.position;
  }
  /** End-of-archive zero blocks seen (0 for IPM's own writer). */
  get endBlocks() {
    return this.zeroBlocks;
  }
  /** Whether parsing stopped on a fatal problem (the rest of the stream is being ignored). */
  get stopped() {
    return this.state === "stopped";
  }
  write(chunk) {
    if (this.state === "stopped") return;
    if (this.position + chunk.length > this.limits.maxTotalSize) {
      const allowed = this.limits.maxTotalSize - this.position;
      this.consume(chunk.subarray(0, allowed));
      if (!this.stopped) {
        this.fail(
          "limit-total-size",
          `the decompressed archive exceeds limits.maxTotalSize (${this.limits.maxTotalSize} bytes); verification stopped there. A genuine package this large needs a larger maxTotalSize; otherwise this is a decompression bomb.`
        );
      }
      return;
    }
    this.consume(chunk);
  }
  end() {
    const at = this.entry?.path;
    switch (this.state) {
      case "stopped":
        return;
      case "header":
        if (this.headerFill > 0 && isAllZero(this.headerBuf.subarray(0, this.headerFill))) {
          this.visitor.problem(
            "tar-trailing-data",
            `${this.headerFill} zero bytes, less than a block, follow the last entry. Something padded the archive: rebuild it with IPM.`
          );
        } else if (this.headerFill > 0) {
          this.visitor.problem(
            "tar-truncated",
            `the tar stream ends inside a header block (${this.headerFill} of ${BLOCK_SIZE} bytes at offset ${this.position - this.headerFill}). The archive is cut short: rebuild or re-download it.`
          );
        } else if (this.entries === 0) {
          this.visitor.problem("tar-empty", "the archive holds no entries. Expected IRIS.DAT, module.xml and deps/.");
        } else {
          this.visitor.problem(
            "tar-no-end-marker",
            "the tar stream ends after its last entry without end-of-archive zero blocks, as IPM's own writer does."
          );
        }
        return;
      case "data":
      case "padding": {
        const what = this.state === "data" ? `${this.remaining} bytes of its data` : `${this.remaining} bytes of padding`;
        this.visitor.problem(
          "tar-truncated",
          `the tar stream ends inside entry "${at}": ${what} are missing. The archive is cut short: rebuild or re-download it.`,
          at
        );
        return;
      }
      case "extension":
        this.visitor.problem(
          "tar-truncated",
          "the tar stream ends inside a pax or GNU long-name record. The archive is cut short: rebuild or re-download it."
        );
        return;
      case "end":
        if (this.entries === 0) {
          this.visitor.problem("tar-empty", "the archive holds no entries. Expected IRIS.DAT, module.xml and deps/.");
        }
    }
  }
  /** Stops parsing on a problem found outside the tar layer (e.g. a limit on the gzip layer). */
  stop(code, message) {
    if (this.state !== "stopped") this.fail(code, message);
  }
  fail(code, message, entry) {
    this.visitor.problem(code, message, entry);
    this.closeSink();
    this.state = "stopped";
  }
  closeSink() {
    const sink = this.sink;
    this.sink = null;
    sink?.end();
  }
  consume(chunk) {
    let pos = 0;
    const length = chunk.length;
    while (pos < length && this.state !== "stopped") {
      switch (this.state) {
        case "data": {
          const n = Math.min(this.remaining, length - pos);
          this.sink?.data(chunk.subarray(pos, pos + n));
          pos += n;
          this.position += n;
          this.remaining -= n;
          if (this.remaining === 0) this.finishData();
          break;
        }
        case "padding":
        case "extension": {
          const n = Math.min(this.remaining, length - pos);
          if (this.state === "extension" && this.extension.kind !== "skip") {
            const ext = this.extension;
            const take = Math.max(0, Math.min(n, ext.buf.length - ext.fill));
            chunk.copy(ext.buf, ext.fill, pos, pos + take);
            ext.fill += take;
          }
          pos += n;
          this.position += n;
          this.remaining -= n;
          if (this.remaining === 0) {
            if (this.state === "extension") this.finishExtension();
            else this.state = "header";
          }
          break;
        }
        case "header": {
          let block;
          if (this.headerFill === 0 && length - pos >= BLOCK_SIZE) {
            block = chunk.subarray(pos, pos + BLOCK_SIZE);
            pos += BLOCK_SIZE;
          } else {
            const n = Math.min(BLOCK_SIZE - this.headerFill, length - pos);
            chunk.copy(this.headerBuf, this.headerFill, pos, pos + n);
            this.headerFill += n;
            pos += n;
            if (this.headerFill < BLOCK_SIZE) {
              this.position += n;
              break;
            }
            this.position += n - BLOCK_SIZE;
            block = this.headerBuf;
          }
          this.headerFill = 0;
          const offset = this.position;
          this.position += BLOCK_SIZE;
          this.onHeader(block, offset);
          break;
        }
        case "end": {
          const rest = chunk.subarray(pos);
          pos = length;
          this.position += rest.length;
          if (!isAllZero(rest)) {
            this.fail(
              "tar-trailing-data",
              `non-zero data follows the end-of-archive zero block(s) near offset ${this.position - rest.length}. Something was appended to the archive: rebuild it with IPM.`
            );
          } else {
            this.zeroBlocks += Math.floor(rest.length / BLOCK_SIZE);
          }
          break;
        }
      }
    }
  }
  onHeader(block, offset) {
    if (isZeroBlock(block)) {
      this.zeroBlocks = 1;
      this.state = "end";
      return;
    }
    const parsed = parseTarHeader(block);
    if (!parsed.ok) {
      const hint = parsed.code === "tar-header-checksum" ? "The archive is corrupt or was altered after IPM wrote it: rebuild it." : "The archive is corrupt: rebuild it.";
      this.fail(parsed.code, `tar header at offset ${offset}: ${parsed.detail}. ${hint}`);
      return;
    }
    const header = parsed.header;
    switch (header.type) {
      case "pax-header":
      case "pax-global":
      case "gnu-longname":
      case "gnu-longlink":
        this.startExtension(header.type, header.size, offset);
        return;
    }
    const entry = { ...header, offset };
    if (this.pendingPath !== null) entry.path = this.pendingPath;
    if (this.pendingLink !== null) entry.linkname = this.pendingLink;
    if (this.pendingSize !== null && header.type !== "directory") entry.size = this.pendingSize;
    if (this.pendingPath !== null) entry.nameFieldFull = false;
    this.pendingPath = this.pendingLink = this.pendingSize = null;
    this.entries++;
    if (this.entries > this.limits.maxEntries) {
      this.fail(
        "limit-entry-count",
        `the archive holds more than limits.maxEntries (${this.limits.maxEntries}) entries; verification stopped at "${entry.path}". A genuine package this large needs a larger maxEntries.`,
        entry.path
      );
      return;
    }
    this.entry = entry;
    const sink = this.visitor.entry(entry);
    if (sink === "abort") {
      this.state = "stopped";
      return;
    }
    this.sink = sink;
    this.remaining = entry.size;
    if (entry.size === 0) this.finishData();
    else this.state = "data";
  }
  finishData() {
    this.closeSink();
    const pad = (BLOCK_SIZE - this.entry.size % BLOCK_SIZE) % BLOCK_SIZE;
    this.remaining = pad;
    this.state = pad === 0 ? "header" : "padding";
  }
  startExtension(kind, size, offset) {
    if (size > this.limits.maxHeaderExtensionSize) {
      this.fail(
        "limit-header-extension-size",
        `the ${kind} record at offset ${offset} is ${size} bytes, over limits.maxHeaderExtensionSize (${this.limits.maxHeaderExtensionSize}). IPM never writes such records: the archive is not from IPM or is hostile.`
      );
      return;
    }
    const padded = size + (BLOCK_SIZE - size % BLOCK_SIZE) % BLOCK_SIZE;
    this.extension = {
      kind: kind === "pax-global" ? "skip" : kind,
      buf: Buffer.alloc(kind === "pax-global" ? 0 : size),
      fill: 0
    };
    this.remaining = padded;
    if (padded === 0) this.finishExtension();
    else this.state = "extension";
  }
  finishExtension() {
    const ext = this.extension;
    this.extension = null;
    this.state = "header";
    if (ext.kind === "skip") return;
    if (ext.kind === "gnu-longname" || ext.kind === "gnu-longlink") {
      const nul = ext.buf.indexOf(0);
      const text = ext.buf.toString("utf8", 0, nul < 0 ? ext.buf.length : nul);
      if (ext.kind === "gnu-longname") this.pendingPath = text;
      else this.pendingLink = text;
      return;
    }
    let records;
    try {
      records = parsePaxRecords(ext.buf);
    } catch (err) {
      this.fail(
        "tar-extension-invalid",
        `a pax extended header is malformed (${err.message}); verification stopped there. The archive is corrupt or hostile.`
      );
      return;
    }
    const path = records.get("path");
    if (path !== void 0) this.pendingPath = path;
    const link = records.get("linkpath");
    if (link !== void 0) this.pendingLink = link;
    const size = records.get("size");
    if (size !== void 0) {
      if (!/^[0-9]{1,16}$/.test(size) || !Number.isSafeInteger(Number(size))) {
        this.fail(
          "tar-extension-invalid",
          `a pax extended header gives size "${size}", not a byte count; verification stopped there.`
        );
        return;
      }
      this.pendingSize = Number(size);
    }
  }
};

// src/archive/verify.ts
var WORKER_HASH_MIN_SIZE = 32 * 1024 * 1024;
var INFLATE_CHUNK_SIZE = 512 * 1024;
var INFLATE_HIGH_WATER_MARK = 2 * 1024 * 1024;
async function verifyArchive(path, options = {}) {
  const limits = resolveLimits(options.limits);
  const source = await openArchiveFile(path);
  try {
    return await verifyArchiveStream(
      source.chunks,
      { path, fileName: basename(path) },
      { ...options, limits },
      { size: source.size, owned: true }
    );
  } finally {
    await source.close();
  }
}
async function verifyArchiveStream(chunks, meta, options = {}, chunkSource = {}) {
  const thread = { started: null };
  try {
    return await verifyChunks(chunks, meta, options, chunkSource, () => thread.started ??= new HashThread());
  } finally {
    thread.started?.close();
  }
}
async function verifyChunks(chunks, meta, options, chunkSource, hashThread) {
  const started = performance.now();
  const limits = resolveLimits(options.limits);
  const findings = new FindingList(limits);
  let gzip = null;
  const collector = new ArchiveCollector(findings, limits, (datSize) => {
    if (datSize < WORKER_HASH_MIN_SIZE) return new InlineHasher();
    const hasher = new WorkerHasher({ thread: hashThread() });
    hasher.onDrain = () => gzip?.resumeOutput();
    return hasher;
  });
  const tar = new TarStreamParser(collector, limits);
  let internalError = null;
  let size = 0;
  let inflated = 0;
  gzip = new GzipMemberDecoder(
    (data) => {
      const dat = collector.irisDatHasher;
      if (dat instanceof WorkerHasher) dat.observe(data);
      inflated += data.length;
      if (inflated > limits.compressionRatioGraceSize && inflated > limits.maxCompressionRatio * size) {
        tar.stop("limit-compression-ratio", compressionRatioMessage(inflated, size, limits));
      }
      try {
        tar.write(data);
      } catch (err) {
        internalError ??= err;
      }
      if (tar.stopped || internalError) gzip.abandon();
      else if (dat instanceof WorkerHasher && dat.congested) gzip.pauseOutput();
    },
    {
      chunkSize: INFLATE_CHUNK_SIZE,
      highWaterMark: INFLATE_HIGH_WATER_MARK,
      // The file's chunks are this verification's own: free each as soon as zlib is done with it.
      ...chunkSource.owned && { onInputDone: (chunk) => freeBuffer(chunk.buffer) }
    }
  );
  const read = withStallTimeout(chunks, limits.readStallTimeoutMs, meta.path);
  const archiveHash = chunkSource.owned && (chunkSource.size ?? 0) >= WORKER_HASH_MIN_SIZE ? workerArchiveHash(read, hashThread().stream("the archive")) : inlineArchiveHash(read);
  let sha256;
  try {
    for await (const chunk of archiveHash.chunks) {
      size += chunk.length;
      await gzip.write(chunk);
    }
    sha256 = await archiveHash.digest();
  } catch (err) {
    gzip.abandon();
    collector.close();
    throw err;
  }
  const gz = await gzip.end();
  if (!internalError) {
    try {
      await collector.settle();
    } catch (err) {
      internalError = err;
    }
  }
  if (internalError) {
    collector.close();
    throw new IpmDbError(
      "archive-verifier-failed",
      `verifying ${meta.path} failed unexpectedly: ${String(internalError)}`,
      {
        hint: "This is a bug in ipm-db; please report it with the archive if you can share it.",
        cause: internalError
      }
    );
  }
  for (const p of gz.problems) findings.add(p.code, p.message);
  if (gz.memberComplete && !tar.stopped) tar.end();
  const fullyRead = gz.memberComplete && !tar.stopped;
  const expected = {
    ...options.expectedIrisVersion !== void 0 && { irisVersion: options.expectedIrisVersion },
    ...options.expectedModuleName !== void 0 && { moduleName: options.expectedModuleName },
    ...options.expectedModuleVersion !== void 0 && { moduleVersion: options.expectedModuleVersion }
  };
  collector.finish();
  const collected = collector.result;
  const facts = checkPackage(collected, meta.fileName, options, fullyRead, findings);
  findings.finish();
  return {
    schema: VERIFY_REPORT_SCHEMA,
    valid: !findings.hasErrors,
    archive: {
      path: meta.path,
      fileName: meta.fileName,
      size,
      sha256,
      uncompressedSize: collected.uncompressedSize,
      entryCount: collected.entries.length,
      trailingBytes: gz.trailingBytes,
      endOfArchiveBlocks: tar.endBlocks,
      fullyRead
    },
    module: facts.module,
    irisDat: collected.irisDat,
    checksum: facts.checksum,
    dependencies: facts.dependencies,
    builtWithTestResources: facts.builtWithTestResources,
    entries: collected.entries,
    errors: findings.bySeverity("error"),
    warnings: findings.bySeverity("warning"),
    infos: findings.bySeverity("info"),
    expected,
    limits,
    durationMs: Math.round(performance.now() - started)
  };
}
function compressionRatioMessage(inflated, compressed, limits) {
  return `${compressed} compressed bytes decompressed to more than ${inflated} bytes, over limits.maxCompressionRatio (${limits.maxCompressionRatio}:1 past the first ${limits.compressionRatioGraceSize} bytes); verification stopped there. This is a decompression bomb, or a genuine package that compresses unusually well: then raise the limit.`;
}

export {
  normaliseEntryPath,
  printablePath,
  readModuleManifest,
  TarStreamParser,
  verifyArchive,
  verifyArchiveStream
};
