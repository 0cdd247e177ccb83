import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  DIGEST_SOURCE,
  Docker,
  IpmDbError,
  LICENCE_EXPIRED,
  RUN_LABEL,
  ResourceLedger,
  SHA256_HEX_SOURCE,
  STATE_KEEP,
  STATE_RUN_ID,
  TAG_SOURCE,
  UsageError,
  WORK_DIR,
  containerNameFor,
  describeError,
  describeOperation,
  dockerLogin,
  errorMessage,
  escapeHtml,
  findOnPath,
  formatDuration,
  hasControlCharacter,
  imageTag,
  irisMajorMinor,
  isDigest,
  isGitCommit,
  isImageReference,
  isIrisMajorMinor,
  isModuleName,
  isPlainVersion,
  isSemver,
  isSha256Hex,
  isTag,
  isValid,
  markdownCode,
  markdownLink,
  markdownText,
  needsCheckCapsFalse,
  newRunId,
  parseIrisMajorMinor,
  parseSessionOutput,
  quote,
  redact,
  registerSecret,
  removeRun,
  renderScript,
  runCommand,
  sha256Digest,
  startIris,
  validate,
  validateNamespace
} from "./chunks/action/chunk-IDEJ6AES.js";
import {
  __commonJS,
  __require,
  __toESM,
  debug,
  endGroup,
  error,
  getInput,
  group,
  info,
  notice,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  startGroup,
  summary,
  warning
} from "./chunks/action/chunk-Z5FDQRV5.js";

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
      setXMLVersion(version2) {
        this.currentXMLVersion = version2;
        if (version2 === "1.0") {
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
            const version2 = value;
            this.xmlDecl.version = version2;
            if (!/^1\.[0-9]+$/.test(version2)) {
              this.fail("version number must match /^1\\.[0-9]+$/.");
            } else if (!this.opt.forceXMLVersion) {
              this.setXMLVersion(version2);
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
        const { attributes: attributes2 } = tag;
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
          attributes2[name] = attr;
        }
        this.attribList = [];
      }
      processAttribsPlain() {
        const { attribList } = this;
        const attributes2 = this.tag.attributes;
        for (const { name, value } of attribList) {
          if (attributes2[name] !== void 0) {
            this.fail(`duplicate attribute: ${name}.`);
          }
          attributes2[name] = value;
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

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key2, node, visitor, path) {
      const ctrl = callVisitor(key2, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path, ctrl);
        return visit_(key2, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key2, node, visitor, path) {
      const ctrl = await callVisitor(key2, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path, ctrl);
        return visitAsync_(key2, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key2, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key2, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key2, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key2, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key2, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key2, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key2, node, path);
      return void 0;
    }
    function replaceNode(key2, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key2] = node;
      } else if (identity.isPair(parent)) {
        if (key2 === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version2] = parts;
            if (version2 === "1.1" || version2 === "1.2") {
              this.yaml.version = version2;
              return true;
            } else {
              const isValid2 = /^\d+\.\d+$/.test(version2);
              onError(6, `Unsupported YAML version ${version2}`, isValid2);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error2) {
            onError(String(error2));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error2 = new Error("Failed to resolve repeated object (this should not happen)");
              error2.source = source;
              throw error2;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key2, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key2, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key2, ...rest] = path;
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key2, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key2);
        const node = this.get(key2, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key2, ...rest] = path;
        const node = this.get(key2, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key2, ...rest] = path;
        if (rest.length === 0)
          return this.has(key2);
        const node = this.get(key2, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key2, ...rest] = path;
        if (rest.length === 0) {
          this.set(key2, value);
        } else {
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key: key2, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key2) && key2.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key2) || !identity.isNode(key2) && typeof key2 === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key2 || keyComment && value == null && !ctx.inFlow || identity.isCollection(key2) || (identity.isScalar(key2) ? key2.type === Scalar.Scalar.BLOCK_FOLDED || key2.type === Scalar.Scalar.BLOCK_LITERAL : typeof key2 === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key2, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug2(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning2) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning2);
        else
          console.warn(warning2);
      }
    }
    exports.debug = debug2;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key2) => (merge.identify(key2) || identity.isScalar(key2) && (!key2.type || key2.type === Scalar.Scalar.PLAIN) && merge.identify(key2.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key2, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key2))
            map.set(key2, value2);
        } else if (map instanceof Set) {
          map.add(key2);
        } else if (!Object.prototype.hasOwnProperty.call(map, key2)) {
          Object.defineProperty(map, key2, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key: key2, value }) {
      if (identity.isNode(key2) && key2.addToJSMap)
        key2.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key2))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key2, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key2, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key2, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key2) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key2.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key2, value, ctx) {
      const k = createNode.createNode(key2, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key2, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key2;
        this.value = value;
      }
      clone(schema) {
        let { key: key2, value } = this;
        if (identity.isNode(key2))
          key2 = key2.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key2, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key2) {
      const k = identity.isScalar(key2) ? key2.value : key2;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key2 || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key2, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key2, value);
          else if (Array.isArray(replacer) && !replacer.includes(key2))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key2, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key2, value] of obj)
            add(key2, value);
        } else if (obj && typeof obj === "object") {
          for (const key2 of Object.keys(obj))
            add(key2, obj[key2]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key2) {
        const it = findPair(this.items, key2);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const it = findPair(this.items, key2);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key2) {
        return !!findPair(this.items, key2);
      }
      set(key2, value) {
        this.add(new Pair.Pair(key2, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key2) {
        const idx = asItemIndex(key2);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key2, value) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key2}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key2 = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key2, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key2) {
      let idx = identity.isScalar(key2) ? key2.value : key2;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key2, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key2 = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key2 = keys[0];
              value = it[key2];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key2 = it;
          }
          pairs2.items.push(Pair.createPair(key2, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key2, value;
          if (identity.isPair(pair)) {
            key2 = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key2, ctx);
          } else {
            key2 = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key2))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key2, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key: key2 } of pairs$1.items) {
          if (identity.isScalar(key2)) {
            if (seenKeys.includes(key2.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key2.value}`);
            } else {
              seenKeys.push(key2.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key2) {
        let pair;
        if (identity.isPair(key2))
          pair = key2;
        else if (key2 && typeof key2 === "object" && "key" in key2 && "value" in key2 && key2.value === null)
          pair = new Pair.Pair(key2.key, null);
        else
          pair = new Pair.Pair(key2, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key2, keepPair) {
        const pair = YAMLMap.findPair(this.items, key2);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key2, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key2);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key2));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key2) => key2 !== "yaml11").map((key2) => JSON.stringify(key2)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key2) => JSON.stringify(key2)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version: version2 } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version2 = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version: version2 });
        this.setSchema(version2, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key2, value, options = {}) {
        const k = this.createNode(key2, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        return assertCollection(this.contents) ? this.contents.delete(key2) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key2, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key2, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key2) {
        return identity.isCollection(this.contents) ? this.contents.has(key2) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key2, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key2], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key2, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version2, options = {}) {
        if (typeof version2 === "number")
          version2 = String(version2);
        let opt;
        switch (version2) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version2;
            else
              this.directives = new directives.Directives({ version: version2 });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version2);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error2) => {
      if (error2.pos[0] === -1)
        return;
      error2.linePos = error2.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error2.linePos[0];
      error2.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error2.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error2.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key2) {
      if (!key2)
        return null;
      switch (key2.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key2.source.includes("\n"))
            return true;
          if (key2.end) {
            for (const st of key2.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key2.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key: key2, sep: sep6, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key2 ?? sep6?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key2) {
            if (key2.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key2 && key2.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep6) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key2)) {
            onError(key2 ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key2 ? composeNode(ctx, key2, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key2, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep6 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key2 || key2.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep6, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep6 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep6 + cb;
              sep6 = "";
              break;
            }
            case "newline":
              if (comment)
                sep6 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key: key2, sep: sep6, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key2 ?? sep6?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep6 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key2))
            onError(
              key2,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep6 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep6, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key2 ? composeNode(ctx, key2, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key2))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep6 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep6)
                for (const st of sep6) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep6, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep6 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep6 + indent.slice(trimIndent) + content;
          sep6 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep6 === " ")
            sep6 = "\n";
          else if (!prevMoreIndented && sep6 === "\n")
            sep6 = "\n\n";
          value += sep6 + indent.slice(trimIndent) + content;
          sep6 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep6 === "\n")
            value += "\n";
          else
            sep6 = "\n";
        } else {
          value += sep6 + content;
          sep6 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error2 = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error2 === -1)
            error2 = offset + i;
        }
      }
      if (error2 !== -1)
        onError(error2, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep6 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep6 === "\n")
            res += sep6;
          else
            sep6 = "\n";
        } else {
          res += sep6 + lm;
          sep6 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep6 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error2) {
        const msg = error2 instanceof Error ? error2.message : String(error2);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error2) {
            const message = error2 instanceof Error ? error2.message : String(error2);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning2) => {
          const pos = getErrorPos(source);
          if (warning2)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning2) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning2);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error2 = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error2);
            else
              this.doc.errors.push(error2);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key2 of Object.keys(token))
          if (key2 !== "type" && key2 !== "offset")
            delete token[key2];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key2 of Object.keys(token))
            if (key2 !== "type" && key2 !== "offset")
              delete token[key2];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key: key2, sep: sep6, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key2)
        res += stringifyToken(key2);
      if (sep6)
        for (const st of sep6)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote3 = this.charAt(0);
        let end = this.buffer.indexOf(quote3, this.pos + 1);
        if (quote3 === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error2) {
        const token = error2 ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep6;
          if (scalar.end) {
            sep6 = scalar.end;
            sep6.push(this.sourceToken);
            delete scalar.end;
          } else
            sep6 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep6 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key2 = it.key;
                  const sep6 = it.sep;
                  sep6.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key: key2, sep: sep6 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep6 = fc.end.splice(1, fc.end.length);
            sep6.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep6 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning2) => log.warn(doc.options.logLevel, warning2));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/index.ts
import { randomBytes as randomBytes2 } from "node:crypto";

// src/action/artifacts.ts
import { createHash as createHash8 } from "node:crypto";
import { copyFile as copyFile4, link, mkdir as mkdir11, readdir as readdir4, rm as rm9, stat as stat11 } from "node:fs/promises";
import { basename as basename6, join as join21, relative as relative4 } from "node:path";

// src/action/image-runs.ts
import { mkdir as mkdir9 } from "node:fs/promises";
import { basename as basename5, join as join19 } from "node:path";

// src/pipeline/parallel.ts
import { availableParallelism, totalmem } from "node:os";

// src/util/limiter.ts
var Limiter = class {
  constructor(limit) {
    this.limit = limit;
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`a limit must be a whole number >= 1, not ${limit}`);
  }
  limit;
  active = 0;
  waiting = [];
  /** How many hold a slot now. */
  get inUse() {
    return this.active;
  }
  /** Waits for a slot; the caller must release() it. */
  acquire() {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve4) => this.waiting.push(resolve4));
  }
  /** Takes a slot only when one is free now. */
  tryAcquire() {
    if (this.active >= this.limit) return false;
    this.active++;
    return true;
  }
  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
  /** Runs `work` holding a slot. */
  async run(work) {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }
};
async function mapBounded(items, slots, work, shouldStart = () => true) {
  const results = new Array(items.length).fill(void 0);
  await Promise.all(
    items.map(
      (item, index) => slots.run(async () => {
        if (!shouldStart()) return;
        results[index] = await work(item, index);
      })
    )
  );
  return results;
}

// src/pipeline/parallel.ts
var IRIS_CONTAINER_BYTES = 2 * 1024 ** 3;
var RUNNER_RESERVE_BYTES = 1024 ** 3;
function defaultParallel(machine) {
  const byMemory = Math.floor((machine.memoryBytes - RUNNER_RESERVE_BYTES) / IRIS_CONTAINER_BYTES);
  return Math.max(1, Math.min(machine.cores, byMemory));
}
function thisMachine() {
  return { memoryBytes: totalmem(), cores: availableParallelism() };
}
function containerSlots(parallel) {
  return new Limiter(parallel);
}

// src/ipm/operations.ts
import { chmod, cp, mkdir as mkdir2, mkdtemp, readdir as readdir3, rm, stat as stat3 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join as join3 } from "node:path";

// src/ipm/module-copy.ts
import { constants } from "node:fs";
import { copyFile, lstat, mkdir, readdir, realpath, stat } from "node:fs/promises";
import { dirname, join, sep } from "node:path";

// src/util/untrusted.ts
import { randomBytes } from "node:crypto";
var CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
function printable(name) {
  return name.replace(CONTROL, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "	") return "\\t";
    const code = c.charCodeAt(0);
    return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
function couldHoldWorkflowCommand(text) {
  return text.includes("::") || text.includes("##[");
}
function withoutWorkflowCommands(text, newToken = randomToken) {
  if (!couldHoldWorkflowCommand(text)) return text;
  let token = newToken();
  for (let i = 0; i < 10 && text.includes(token); i++) token = newToken();
  if (text.includes(token)) throw new Error("could not choose a stop-commands token absent from the text");
  return `::stop-commands::${token}
${text}
::${token}::`;
}
function randomToken() {
  return `ipm-db-${randomBytes(16).toString("hex")}`;
}

// src/ipm/module-copy.ts
var NOT_COPIED = /* @__PURE__ */ new Set([".git"]);
var DEPENDENCIES_DIR = ".modules";
var MAX_ENTRIES = 2e5;
function refused(message) {
  return new IpmDbError("module-link-refused", message, {
    hint: `Nothing was copied into IRIS. Replace the link with the file or directory itself, or make it point inside the module (links under ${DEPENDENCIES_DIR}/ may point anywhere inside the repository).`
  });
}
function inside(path, root) {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}
async function findRepositoryRoot(dir) {
  for (let current = dir, i = 0; i < 256; i++) {
    if (await lstat(join(current, ".git")).catch(() => null)) return current;
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
  return null;
}
async function walkModuleTree(moduleDir, destination, options = {}) {
  const moduleRoot = await realpath(moduleDir);
  const foundRepository = options.repositoryRoot ?? await findRepositoryRoot(moduleRoot);
  const repositoryCandidate = foundRepository ? await realpath(foundRepository) : moduleRoot;
  const repositoryRoot = inside(moduleRoot, repositoryCandidate) ? repositoryCandidate : moduleRoot;
  const origin = options.origin ?? moduleDir;
  let entries = 0;
  const describe = (rel) => `"${printable(rel)}" in the module ${printable(origin)}`;
  const visit = async (realDir, rel, dest, ancestors) => {
    if (dest) await mkdir(dest, { mode: 493 });
    for (const entry of await readdir(realDir)) {
      if (NOT_COPIED.has(entry)) continue;
      if (++entries > MAX_ENTRIES)
        throw refused(
          `The module ${printable(origin)} holds more than ${MAX_ENTRIES} files once its links are followed.`
        );
      const entryRel = rel ? `${rel}/${entry}` : entry;
      const path = join(realDir, entry);
      const target = dest ? join(dest, entry) : null;
      let real = path;
      let info2 = await lstat(path);
      if (info2.isSymbolicLink()) {
        try {
          real = await realpath(path);
        } catch (err) {
          const code = err.code;
          if (code === "ELOOP") throw refused(`The symbolic link ${describe(entryRel)} loops.`);
          throw refused(`The symbolic link ${describe(entryRel)} points to nothing (${code ?? "unreadable"}).`);
        }
        const underDependencies = entryRel === DEPENDENCIES_DIR || entryRel.startsWith(`${DEPENDENCIES_DIR}/`);
        const root = underDependencies ? repositoryRoot : moduleRoot;
        if (!inside(real, root))
          throw refused(
            `The symbolic link ${describe(entryRel)} points to ${printable(real)}, outside the ${underDependencies ? "repository" : "module"} (${printable(root)}): refusing to copy it into IRIS.`
          );
        info2 = await stat(real);
      }
      if (info2.isDirectory()) {
        if (ancestors.includes(real))
          throw refused(`The symbolic link ${describe(entryRel)} points to a directory that contains it: a loop.`);
        await visit(real, entryRel, target, [...ancestors, real]);
      } else if (info2.isFile()) {
        if (target) await copyFile(real, target, constants.COPYFILE_EXCL);
      } else {
        throw refused(`${describe(entryRel)} is neither a regular file nor a directory (a socket, FIFO or device).`);
      }
    }
  };
  await visit(moduleRoot, "", destination, [moduleRoot]);
}
function copyModuleTree(moduleDir, destination, options = {}) {
  return walkModuleTree(moduleDir, destination, options);
}
function checkModuleTree(moduleDir, options = {}) {
  return walkModuleTree(moduleDir, null, options);
}

// src/ipm/compile-errors.ts
import { readdir as readdir2, readFile, stat as stat2 } from "node:fs/promises";
import { join as join2, relative, sep as sep2 } from "node:path";
var LOCATED = /^(?:ERROR!\s+)?(?:>\s*)?ERROR:\s+(%?[A-Za-z][\w.%]*\.(?:cls|mac|inc|int))\((?:([%\w]+))?(?:\+(\d+))?\)\s*(?:#\d+)?\s*:?\s*(.*)$/;
var STATUS = /^(?:ERROR!\s+)?(?:>\s*)?ERROR #(\d+):\s*(.*)$/;
var TEXT = /^\s*TEXT:\s?(.*)$/;
var SUMMARY_CODES = /* @__PURE__ */ new Set(["5475", "5030"]);
function parseCompileErrors(output) {
  const lines = output.split("\n");
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (e) => {
    const key2 = `${e.document}|${e.label}|${e.offset}|${e.message}`;
    if (!seen.has(key2)) {
      seen.add(key2);
      found.push(e);
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const located2 = LOCATED.exec(line);
    if (located2) {
      const next = TEXT.exec(lines[i + 1] ?? "");
      add({
        document: located2[1],
        label: located2[2] ?? null,
        offset: located2[3] === void 0 ? null : Number(located2[3]),
        message: cleanMessage(located2[4] ?? ""),
        text: next ? next[1].trim() : null
      });
      continue;
    }
    const status = STATUS.exec(line);
    if (status) {
      const [, code, message] = status;
      if (SUMMARY_CODES.has(code)) {
        const inner = /Errors:\s*(ERROR:.*)$/.exec(message);
        const innerLocated = inner ? LOCATED.exec(inner[1]) : null;
        if (innerLocated)
          add({
            document: innerLocated[1],
            label: innerLocated[2] ?? null,
            offset: innerLocated[3] === void 0 ? null : Number(innerLocated[3]),
            message: cleanMessage(innerLocated[4] ?? ""),
            text: null
          });
        else {
          const cls = /class '([^']+)'/.exec(message);
          if (cls && !found.some((f) => f.document === `${cls[1]}.cls`))
            add({
              document: `${cls[1]}.cls`,
              label: null,
              offset: null,
              message: `ERROR #${code}: ${message}`,
              text: null
            });
        }
        continue;
      }
      const document = documentOf(message);
      if (document) {
        const lineNo = /\bline (\d+)\b/i.exec(message);
        add({
          document,
          label: null,
          offset: lineNo ? Number(lineNo[1]) : null,
          message: `ERROR #${code}: ${message}`,
          text: null
        });
      }
    }
  }
  return found.filter(
    (e) => !(e.label === null && e.offset === null && e.message.startsWith("ERROR #5030") && found.some((f) => f !== e && f.document === e.document))
  );
}
function cleanMessage(message) {
  return message.replace(/\s*\[[^\]]*\^[^\]]*\]\s*$/, "").trim();
}
function documentOf(message) {
  const usedBy = /used by '([%\w.]+?)(?::[^']*)?'/.exec(message);
  if (usedBy) return `${usedBy[1]}.cls`;
  const cls = /class (?:definition )?'([%\w.]+)'/i.exec(message);
  if (cls) return `${cls[1]}.cls`;
  const doc = /'([%\w.]+\.(?:cls|mac|inc|int))'/i.exec(message);
  if (doc) return doc[1];
  return null;
}
function findDocument(document, files) {
  const dot = document.lastIndexOf(".");
  const ext = document.slice(dot + 1).toLowerCase();
  const name = document.slice(0, dot);
  const nested = `${name.replace(/^%/, "_").split(".").join("/")}.${ext}`.toLowerCase();
  const nestedPercent = `${name.split(".").join("/")}.${ext}`.toLowerCase();
  const flat = `${name}.${ext}`.toLowerCase();
  const matches = [];
  for (const f of files) {
    const lower = f.toLowerCase();
    if (lower === nested || lower.endsWith(`/${nested}`) || lower === nestedPercent || lower.endsWith(`/${nestedPercent}`) || lower === flat || lower.endsWith(`/${flat}`))
      matches.push(f);
  }
  matches.sort((a, b) => a.length - b.length || a.localeCompare(b));
  return matches[0] ?? null;
}
function locateLine(source, document, label, offset, text) {
  const lines = source.split(/\r?\n/);
  const isClass = document.toLowerCase().endsWith(".cls");
  let line = null;
  let searchFrom = 0;
  if (label !== null) {
    const name = label.replace(/^z/, "");
    const header = isClass ? new RegExp(`^\\s*(?:Class)?Method\\s+(?:${escape(label)}|${escape(name)})\\s*\\(`, "i") : new RegExp(`^${escape(label)}(?![\\w%])`);
    const at = lines.findIndex((l) => header.test(l));
    if (at >= 0) {
      searchFrom = at;
      let anchor = at;
      if (isClass) {
        const brace = lines.findIndex((l, i) => i >= at && l.includes("{"));
        anchor = brace >= 0 ? brace : at;
      }
      line = anchor + 1 + (offset ?? 0);
    }
  } else if (offset !== null) {
    line = offset;
  }
  if (text) {
    const wanted = text.trim();
    if (line === null || lines[line - 1]?.trim() !== wanted) {
      const idx = lines.findIndex((l, i) => i >= searchFrom && l.trim() === wanted);
      if (idx >= 0) line = idx + 1;
    }
  }
  if (line !== null && (line < 1 || line > lines.length)) return null;
  return line;
}
function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\%]/g, "\\$&");
}
function resolveCompileErrors(raw, tree) {
  return raw.map((e) => {
    const file = findDocument(e.document, tree.keys());
    const source = file ? tree.get(file) : void 0;
    const line = source !== void 0 ? locateLine(source, e.document, e.label, e.offset, e.text) : null;
    return { file, document: e.document, line, message: e.message };
  });
}
var SOURCE_EXT = /\.(cls|mac|inc|int)$/i;
var SKIP_DIRS = /* @__PURE__ */ new Set([".git", "node_modules", ".github", ".vscode"]);
async function readSourceTree(moduleDir, limit = 5e3) {
  const tree = /* @__PURE__ */ new Map();
  const walk = async (dir) => {
    if (tree.size >= limit) return;
    const entries = await readdir2(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = join2(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk(full);
      } else if (entry.isFile() && SOURCE_EXT.test(entry.name) && tree.size < limit) {
        const info2 = await stat2(full);
        if (info2.size <= 2e6)
          tree.set(relative(moduleDir, full).split(sep2).join("/"), await readFile(full, "utf8"));
      }
    }
  };
  await walk(moduleDir);
  return tree;
}

// src/ipm/installed.ts
function moduleName(name) {
  if (!isValid("module name", name)) throw new IpmDbError("unsafe-value", `"${name}" is not an IPM module name`);
  return name;
}
function guardedLine(label, body) {
  return `try { ${body} } catch e { write "##IPMDB error=",${quote(label)},"|",e.DisplayString(),! }`;
}
function moduleStateLine(name) {
  return guardedLine(
    `module ${name}`,
    `set m=##class(%IPM.Storage.Module).NameOpen(${quote(moduleName(name))}) write "##IPMDB module=",$select($isobject(m):m.VersionString_"|"_m.Packaging,1:""),!`
  );
}
function values(output, key2) {
  return output.results.filter((line) => line.key === key2).map((line) => line.value);
}
function parseModuleState(output) {
  const [value] = values(output, "module");
  if (value === void 0) throw new IpmDbError("upgrade-parse", "IRIS printed no module state line");
  if (value === "") return null;
  const bar = value.lastIndexOf("|");
  return { version: value.slice(0, bar), packaging: value.slice(bar + 1) };
}
function guardedErrors(output) {
  return values(output, "error").map((value) => {
    const bar = value.indexOf("|");
    return bar < 0 ? value : `${value.slice(0, bar)}: ${value.slice(bar + 1)}`;
  });
}
function throwOnGuardedError(output, doing, code = "objectscript-error") {
  const errors = guardedErrors(output);
  if (errors.length > 0)
    throw new IpmDbError(code, `${doing} failed in IRIS: ${errors.join("; ")}`, { details: output.raw });
}

// src/ipm/dependencies.ts
function dependencyCheckLine(name) {
  if (!isValid("module name", name)) throw new IpmDbError("unsafe-value", `"${name}" is not an IPM module name`);
  const q = quote(name);
  const each = `set n=m.Resources.GetAt(i).Name,t=$zconvert($extract(n,$length(n)-3,$length(n)),"U"),b=$extract(n,1,$length(n)-4) if t=".CLS" { write "##IPMDB depres=",${q},"|",n,"|",##class(%Dictionary.CompiledClass).%ExistsId(b),! } elseif t=".PKG" { kill c set sc=$system.OBJ.GetPackageList(.c,b) write "##IPMDB depres=",${q},"|",n,"|",$data(c)\\10,! } elseif t=".INC" { write "##IPMDB depres=",${q},"|",n,"|",##class(%Library.RoutineMgr).Exists(n),! }`;
  return guardedLine(
    `dependency ${name}`,
    `set m=##class(%IPM.Storage.Module).NameOpen(${q}) write "##IPMDB dep=",${q},"|",$select($isobject(m):m.VersionString,1:""),! if $isobject(m) { for i=1:1:m.Resources.Count() { ${each} } }`
  );
}
function parseDependencyStates(output) {
  const states = /* @__PURE__ */ new Map();
  for (const { key: key2, value } of parseSessionOutput(output).results) {
    if (key2 === "dep") {
      const bar = value.indexOf("|");
      const name = value.slice(0, bar);
      const version2 = value.slice(bar + 1);
      states.set(name, { name, version: version2 === "" ? null : version2, resources: [] });
    } else if (key2 === "depres") {
      const [name, resource, present] = value.split("|");
      const state = states.get(name ?? "");
      if (state && resource) state.resources.push({ name: resource, present: present === "1" });
    }
  }
  return [...states.values()];
}
function dependencyProblems(states, expected) {
  const problems = [];
  for (const name of expected) {
    const state = states.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!state || state.version === null) {
      problems.push(`dependency ${name} is not installed (IPM has no module record for it)`);
      continue;
    }
    const missing = state.resources.filter((r) => !r.present).map((r) => r.name);
    if (missing.length > 0)
      problems.push(
        `dependency ${name} ${state.version} is registered but its code is missing: ${missing.join(", ")} not found`
      );
  }
  return problems;
}
function missingDependencyError(problems, module, namespace) {
  return new IpmDbError(
    "dependency-code-missing",
    `After installing ${module} into ${namespace}: ${problems.join("; ")}.`,
    {
      hint: "IPM's package-database (pull request #1121) compiles only the module's own resources into IRIS.DAT and ships dependencies as manifests in deps/, so their code is not installed with the package. Use an IPM build that packages dependency code, or install the dependencies into a database mapped into the namespace."
    }
  );
}
function superclassNotPackaged(text, module) {
  const m = /#5373: Class '([^']+)', used by '([^':]+):super', does not exist/.exec(text);
  if (!m) return null;
  return new IpmDbError(
    "superclass-not-packaged",
    `package-database ${module} could not compile ${m[2]}: its superclass ${m[1]} is not part of the module.`,
    {
      hint: `IPM's package-database compiles only the module's own resources, in a fresh routines database where the dependencies' classes are not visible (Lifecycle/Database.cls RemapRoutinesDB, LoadResourcesIntoDatabase). Move ${m[1]} into the module or stop extending it, or use an IPM build that packages dependency code.`,
      details: text
    }
  );
}

// src/ipm/writable.ts
var PROBE = ".ipm-db-write-check";
function writableLine(dir) {
  const q = quote(validate("container path", dir));
  const probe2 = quote(`${dir}/${PROBE}`);
  return `set ok=##class(%Library.File).CreateDirectory(${probe2}) if ok { set ok=##class(%Library.File).RemoveDirectory(${probe2}) } write "##IPMDB writable=",${q},"|",ok,!`;
}
function parseWritable(output) {
  return parseSessionOutput(output).results.filter((r) => r.key === "writable").map((r) => {
    const bar = r.value.lastIndexOf("|");
    return { dir: r.value.slice(0, bar), writable: r.value.slice(bar + 1) === "1" };
  });
}
function notWritableError(dirs, output) {
  return new IpmDbError(
    "iris-cannot-write",
    `IRIS cannot write into ${dirs.join(", ")} in the container: the user IRIS runs as may not create files there.`,
    {
      hint: "docker cp makes root the owner of what it copies and keeps the host modes; IRIS runs as its own user (irisowner, uid 51773, in the official images). Check the image user and the modes of the copied directories.",
      details: output
    }
  );
}

// src/iris/session.ts
var DEFAULT_SESSION_TIMEOUT_MS = 6e5;
var COMMUNITY_LICENCE_UNITS = 5;
var MAX_CONCURRENT_SESSIONS = COMMUNITY_LICENCE_UNITS - 1;
function sessionArgs(namespace) {
  return ["iris", "session", "IRIS", "-U", validateNamespace(namespace)];
}
var IrisSessionRunner = class {
  constructor(container, maxConcurrent = MAX_CONCURRENT_SESSIONS) {
    this.container = container;
    this.slots = new Limiter(maxConcurrent);
  }
  container;
  slots;
  run(request) {
    return this.slots.run(() => this.runNow(request));
  }
  async runNow(request) {
    const namespace = validateNamespace(request.namespace);
    const secretEnv = request.secretEnv ?? {};
    for (const [name, value] of Object.entries(secretEnv)) {
      validate("environment variable name", name);
      registerSecret(value);
    }
    const script = renderScript(request.operations);
    const timeoutMs = request.timeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
    const result = await this.container.exec(sessionArgs(namespace), {
      input: script.text,
      secretEnv,
      timeoutMs
    });
    const raw = redact(result.stdout);
    const output = parseSessionOutput(raw);
    const stderr = redact(result.stderr.trim());
    const failure = judge(result.exitCode, result.timedOut, output, request.operations, stderr);
    if (failure) throw sessionError(failure, request, namespace, timeoutMs);
    return { ...output, raw, exitCode: result.exitCode, durationMs: result.durationMs };
  }
};
function judge(exitCode, timedOut, output, operations, stderr = "") {
  const operation = output.lastStep > 0 ? operations[output.lastStep - 1] ?? null : null;
  const running = operation ? describeOperation(operation) : "session start";
  const base2 = { exitCode, output, operation, running, stderr };
  if (timedOut) return { reason: "timeout", ...base2 };
  if (exitCode !== 0 && exitCode !== 1 && !output.completed) return { reason: "ended-early", ...base2 };
  if (exitCode !== 0) return { reason: "exit-status", ...base2 };
  if (output.objectScriptErrors.length > 0) return { reason: "objectscript-error", ...base2 };
  if (!output.completed) return { reason: "ended-early", ...base2 };
  return null;
}
function sessionError(failure, request, namespace, timeoutMs) {
  const specific = request.classify?.(failure);
  if (specific) return specific;
  const details = [failure.output.text, failure.stderr].filter(Boolean).join("\n");
  const step = failure.output.lastStep > 0 ? `step ${failure.output.lastStep} of ${request.operations.length}` : null;
  const doing = request.purpose ?? `running ${failure.running}`;
  const context = request.purpose ? step ? ` (${step}: ${failure.running})` : "" : step ? ` (${step})` : "";
  switch (failure.reason) {
    case "timeout":
      return new IpmDbError(
        "session-timeout",
        `IRIS session in ${namespace} was stopped while ${doing}, at its ${formatDuration(timeoutMs)} limit${context}.`,
        {
          hint: "The command hung or needs more time: raise the timeout, or read the IRIS output below.",
          details
        }
      );
    case "exit-status":
      return new IpmDbError(
        "session-failed",
        `IRIS session in ${namespace} failed (exit ${failure.exitCode}) while ${doing}${context}: ${lastErrorLine(failure.output.text) ?? "no error text"}`,
        { details }
      );
    case "objectscript-error":
      return new IpmDbError(
        "objectscript-error",
        `IRIS reported ${failure.output.objectScriptErrors[0]} while ${doing} in ${namespace}${context}.`,
        { details }
      );
    case "ended-early":
      return new IpmDbError(
        "session-ended-early",
        `IRIS session in ${namespace} ended before the end of its script, while ${doing}${context}.`,
        {
          hint: "IRIS stopped or the session was cut off; read the IRIS output below.",
          details
        }
      );
  }
}
function lastErrorLine(text) {
  const lines = text.split("\n").map((l) => l.trim());
  const ipm = lines.filter((l) => l.startsWith("ERROR! "));
  if (ipm.length > 0) return ipm[ipm.length - 1].slice("ERROR! ".length).trim();
  const status = lines.filter((l) => /^ERROR #\d+:/.test(l));
  if (status.length > 0) return status[status.length - 1];
  return null;
}

// src/ipm/output.ts
var CHECKSUM_LINE = new RegExp(`^\\s*Checksum:\\s*(${SHA256_HEX_SOURCE})\\s*$`);
function parsePackageOutput(text) {
  const lines = text.split("\n");
  let checksum = null;
  let archivePath = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const c = CHECKSUM_LINE.exec(line);
    if (c) checksum = c[1].toLowerCase();
    if (/^\s*Database package generated:\s*$/.test(line)) {
      const next = lines[i + 1];
      if (next !== void 0 && next.trim() !== "") archivePath = next.trim();
    }
  }
  return { checksum, archivePath };
}
function parseSwapOutput(text) {
  const ns = /Database swap complete for namespace (\S+)/.exec(text);
  const backup = /^\s*Backup:\s*(\S.*?)\s*$/m.exec(text);
  return { namespace: ns ? ns[1] : null, backupPath: backup ? backup[1] : null };
}
var IPM_ERRORS = [
  {
    code: "package-missing-iris-dat",
    pattern: /Database package is missing IRIS\.DAT/i,
    hint: "The archive is incomplete: rebuild it with package-database."
  },
  {
    code: "package-missing-module-xml",
    pattern: /Database package is missing module\.xml/i,
    hint: "The archive is incomplete: rebuild it with package-database."
  },
  {
    code: "not-a-database-package",
    pattern: /does not declare <Packaging>database<\/Packaging>/i,
    hint: "Install a .tgz written by package-database, not a source package."
  },
  {
    code: "package-missing-deps",
    pattern: /Database package is missing deps\/ directory/i,
    hint: "The archive is incomplete: rebuild it with package-database."
  },
  {
    code: "package-missing-checksum",
    pattern: /module\.xml is missing <Checksum> element/i,
    hint: "The module.xml was not written by package-database; rebuild the archive."
  },
  {
    code: "checksum-mismatch",
    pattern: /IRIS\.DAT SHA-256 mismatch/i,
    hint: "IRIS.DAT changed after packaging: the archive is corrupt or was tampered with."
  },
  {
    code: "iris-version-mismatch",
    pattern: /cannot be installed on the current version/i,
    hint: "A database package installs only on the IRIS major.minor it was built on: build one per IRIS version."
  },
  {
    code: "second-database-package",
    pattern: /A database package \(.*\) is already installed in this namespace/i,
    hint: "Only one database package per namespace: install into a fresh namespace."
  },
  {
    code: "ipm-not-mapped",
    pattern: /IPM must be mapped from another namespace/i,
    hint: "Install IPM in its own namespace and map it (the driver does this); do not install IPM into the target routines database."
  },
  {
    code: "mirrored-database",
    pattern: /not currently supported for mirrored databases/i,
    hint: "Use a namespace whose routines database is not mirrored."
  },
  {
    code: "dev-mode-install",
    pattern: /Database packages cannot be installed in developer mode/i,
    hint: "Install without -dev."
  },
  {
    code: "use-update",
    pattern: /Please use the 'update' command instead/i,
    hint: 'The module has update steps: upgrade it with "update <module> -path <tgz> -swap-db".'
  },
  {
    code: "swap-cancelled",
    pattern: /Database swap cancelled by user/i,
    hint: "Pass -swap-db (the driver always does)."
  },
  { code: "only-database-package", pattern: /is only available as a database package/i, hint: "Re-run with -swap-db." },
  {
    // Later pull-request code (ReportPostSwapFailure): a failure after the swap, then a rollback.
    code: "install-rolled-back",
    pattern: /Attempting to roll back system state/i,
    hint: "IPM failed after swapping the database and tried to restore the previous state: read the error above the rollback lines."
  }
];
function ipmErrorText(text) {
  const ipm = lastErrorLine(text);
  if (ipm && !/^ERROR #\d+:/.test(ipm)) return ipm;
  const encountered = /ERROR: encountered an error:\s*(.*)$/m.exec(text);
  if (encountered && encountered[1].trim()) return encountered[1].trim();
  return ipm;
}
function classifyIpmMessage(text) {
  for (const e of IPM_ERRORS) if (e.pattern.test(text)) return { code: e.code, hint: e.hint };
  return null;
}
function ipmFailure(failure, fallbackCode, timeoutMs) {
  const text = failure.output.text;
  const details = [text, failure.stderr].filter(Boolean).join("\n");
  if (failure.reason === "timeout")
    return new IpmDbError(
      "session-timeout",
      `${failure.running} did not finish${timeoutMs ? ` within ${formatDuration(timeoutMs)}` : ""}; the session was stopped.`,
      {
        hint: "The command hung or needs more time: raise the timeout, or read the IRIS output below.",
        details
      }
    );
  const error2 = ipmErrorText(text);
  const known = classifyIpmMessage(error2 ?? text) ?? classifyIpmMessage(text);
  if (failure.reason === "ended-early" && !error2)
    return new IpmDbError("session-ended-early", `The IRIS session ended before ${failure.running} finished.`, {
      hint: "IRIS stopped or the session was cut off; read the IRIS output below.",
      details
    });
  if (failure.reason === "objectscript-error" && !error2)
    return new IpmDbError(
      "objectscript-error",
      `IRIS reported ${failure.output.objectScriptErrors[0]} while running ${failure.running}.`,
      { details }
    );
  const message = error2 ? `${failure.running} failed: ${error2}` : `${failure.running} failed (exit ${failure.exitCode}) without an error message.`;
  return new IpmDbError(known?.code ?? fallbackCode, message, { ...known ? { hint: known.hint } : {}, details });
}

// src/ipm/operations.ts
var DEFAULTS = {
  loadMs: 12e5,
  packageMs: 12e5,
  installMs: 12e5,
  testMs: 18e5,
  shortMs: 3e5
};
var CompileFailedError = class extends IpmDbError {
  compileErrors;
  constructor(message, compileErrors, details) {
    super("compile-error", message, { hint: "Fix the compile errors listed above and run again.", details });
    this.name = "CompileFailedError";
    this.compileErrors = compileErrors;
  }
};
async function copyModuleIn(files, moduleDir, containerDir) {
  const staging = await mkdtemp(join3(tmpdir(), "ipm-db-module-"));
  try {
    const copy = join3(staging, "module");
    await copyModuleTree(moduleDir, copy);
    await makeReadableForIris(copy);
    await files.copyIn(copy, containerDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
async function makeReadableForIris(path) {
  const info2 = await stat3(path);
  if (info2.isDirectory()) {
    await chmod(path, info2.mode | 511);
    for (const entry of await readdir3(path)) await makeReadableForIris(join3(path, entry));
  } else {
    await chmod(path, info2.mode | 292);
  }
}
async function copyFileIn(files, hostFile, containerPath) {
  if (((await stat3(hostFile)).mode & 4) !== 0) return files.copyIn(hostFile, containerPath);
  const staging = await mkdtemp(join3(tmpdir(), "ipm-db-file-"));
  try {
    const copy = join3(staging, basename(hostFile));
    await cp(hostFile, copy);
    await chmod(copy, 420);
    await files.copyIn(copy, containerPath);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
function compileFailure(failure, sources) {
  if (failure.reason === "timeout") return null;
  const raw = parseCompileErrors(failure.output.text);
  if (raw.length === 0) return null;
  const errors = resolveCompileErrors(raw, sources);
  const first = errors[0];
  const where = first.file ? `${first.file}${first.line ? `:${first.line}` : ""}` : first.document;
  return new CompileFailedError(
    `The module did not compile: ${errors.length} error(s); first at ${where}: ${first.message}`,
    errors,
    failure.output.text
  );
}
var IpmOperations = class {
  constructor(target, options = {}) {
    this.target = target;
    this.timeouts = { ...DEFAULTS, ...options.timeouts ?? {} };
    this.verbose = options.verbose ?? false;
  }
  target;
  timeouts;
  verbose;
  counter = 0;
  /** A fresh work directory in the container, e.g. /tmp/ipm-db/module-3. */
  async workDir(kind) {
    this.counter++;
    const dir = `${WORK_DIR}/${kind}-${this.counter}`;
    await this.target.files.mkdir(WORK_DIR);
    return dir;
  }
  verboseFlag() {
    return this.verbose ? [["-v"]] : [];
  }
  /** Runs IPM commands in a namespace; a failure becomes IPM's own error text. */
  async ipm(namespace, commands, timeoutMs, fallbackCode, classify) {
    const operations = commands.map((command) => ({ kind: "ipm", command }));
    return this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations,
      timeoutMs,
      classify: (failure) => classify?.(failure) ?? ipmFailure(failure, fallbackCode, timeoutMs)
    });
  }
  /**
   * Copies a module directory into the container and runs `load <dir>`. On failure, compile
   * errors are parsed and located in `moduleDir` (CompileFailedError).
   */
  async loadModule(namespace, moduleDir, options = {}) {
    const dir = await this.workDir("module");
    await copyModuleIn(this.target.files, moduleDir, dir);
    await this.checkWritable(namespace, [dir]);
    const command = {
      words: ["load", dir],
      modifiers: [...options.dev ? [["-dev"]] : [], ...this.verboseFlag()]
    };
    const sources = await readSourceTree(moduleDir);
    const result = await this.ipm(
      namespace,
      [command],
      this.timeouts.loadMs,
      "load-failed",
      (failure) => compileFailure(failure, sources)
    );
    return { output: result.text, containerPath: dir };
  }
  /** `package-database <m> -path <dir>`; the archive is copied to `hostOutDir`. */
  async packageDatabase(namespace, moduleName2, hostOutDir, options = {}) {
    validate("module name", moduleName2);
    const out = await this.workDir("out");
    await this.target.files.mkdir(out);
    await this.checkWritable(namespace, [out]);
    const modifiers = [["-path", out]];
    if (options.dev) modifiers.push(["-dev"]);
    if (options.exportPythonDeps === false) modifiers.push(["-no-export-python-deps"]);
    modifiers.push(...this.verboseFlag());
    const result = await this.ipm(
      namespace,
      [{ words: ["package-database", moduleName2], modifiers }],
      this.timeouts.packageMs,
      "package-failed",
      (failure) => failure.reason === "timeout" ? null : superclassNotPackaged(failure.output.text, moduleName2)
    );
    const parsed = parsePackageOutput(result.text);
    if (!parsed.archivePath)
      throw new IpmDbError(
        "package-output-unrecognised",
        `package-database ${moduleName2} succeeded but did not print "Database package generated:" with the archive path.`,
        {
          hint: "The IPM in use prints something else; report this with the output below.",
          details: result.text
        }
      );
    const containerPath = validate("container path", parsed.archivePath);
    if (!containerPath.startsWith(`${out}/`) || !containerPath.endsWith(".tgz"))
      throw new IpmDbError(
        "package-output-unrecognised",
        `package-database wrote ${containerPath}, not a .tgz under ${out}.`,
        { details: result.text }
      );
    const fileName = basename(containerPath);
    await mkdir2(hostOutDir, { recursive: true });
    const hostPath = join3(hostOutDir, fileName);
    await this.target.files.copyOut(containerPath, hostPath);
    return { hostPath, containerPath, fileName, checksum: parsed.checksum, output: result.text };
  }
  async copyPackageIn(hostTgz) {
    const fileName = basename(hostTgz);
    if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*\.tgz$/.test(fileName))
      throw new IpmDbError(
        "unsafe-value",
        `Refusing package file name ${JSON.stringify(fileName)}: use letters, digits, ".", "_", "+", "-" and end in .tgz.`
      );
    const dir = await this.workDir("pkg");
    await this.target.files.mkdir(dir);
    const containerPath = `${dir}/${fileName}`;
    await copyFileIn(this.target.files, hostTgz, containerPath);
    return containerPath;
  }
  /**
   * `load <tgz> -swap-db`: installs a local database package (a fresh install). `dev` adds
   * `-dev`, which IPM refuses for database packages (for negative tests).
   */
  async loadPackage(namespace, hostTgz, options = {}) {
    const tgz = await this.copyPackageIn(hostTgz);
    const modifiers = [
      ["-swap-db"],
      ...options.dev ? [["-dev"]] : [],
      ...this.verboseFlag()
    ];
    const result = await this.ipm(
      namespace,
      [{ words: ["load", tgz], modifiers }],
      this.timeouts.installMs,
      "install-failed"
    );
    return { ...parseSwapOutput(result.text), output: result.text };
  }
  /** `update <m> -path <tgz> -swap-db`: upgrades an installed module to a database package. */
  async updateModule(namespace, moduleName2, hostTgz) {
    validate("module name", moduleName2);
    const tgz = await this.copyPackageIn(hostTgz);
    const result = await this.ipm(
      namespace,
      [{ words: ["update", moduleName2], modifiers: [["-path", tgz], ["-swap-db"], ...this.verboseFlag()] }],
      this.timeouts.installMs,
      "update-failed"
    );
    return { ...parseSwapOutput(result.text), output: result.text };
  }
  /**
   * Fails unless IRIS, as the user it runs as, can create an entry in each directory (checked by
   * making and removing a subdirectory from inside IRIS, not assumed from who copied the files).
   */
  async checkWritable(namespace, dirs) {
    const result = await this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations: dirs.map((dir) => ({ kind: "surfaceLine", text: writableLine(dir), label: `check ${dir}` })),
      timeoutMs: this.timeouts.shortMs
    });
    const refused2 = parseWritable(result.raw).filter((d) => !d.writable);
    if (refused2.length > 0)
      throw notWritableError(
        refused2.map((d) => d.dir),
        result.raw
      );
  }
  /**
   * The module as IPM's `%IPM.Storage.Module` records it in a namespace (version and packaging),
   * or null when it is not installed. Read from the object, not from `list` text.
   */
  async installedModule(namespace, moduleName2) {
    validate("module name", moduleName2);
    const result = await this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations: [{ kind: "surfaceLine", text: moduleStateLine(moduleName2), label: `read module ${moduleName2}` }],
      timeoutMs: this.timeouts.shortMs
    });
    throwOnGuardedError(result, `Reading module ${moduleName2} in ${namespace}`);
    return parseModuleState(result);
  }
  /** Each dependency's module record and whether the code of its resources exists in the namespace. */
  async dependencyStates(namespace, names) {
    if (names.length === 0) return [];
    const result = await this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations: names.map((name) => ({
        kind: "surfaceLine",
        text: dependencyCheckLine(name),
        label: `check dependency ${name}`
      })),
      timeoutMs: this.timeouts.shortMs
    });
    throwOnGuardedError(result, `Checking the dependencies in ${namespace}`);
    return parseDependencyStates(result.raw);
  }
  async uninstall(namespace, moduleName2) {
    validate("module name", moduleName2);
    const result = await this.ipm(
      namespace,
      [{ words: ["uninstall", moduleName2], modifiers: [] }],
      this.timeouts.shortMs,
      "uninstall-failed"
    );
    return result.text;
  }
  /** `test <m> -only -output-file <xml>`; the JUnit file is copied out even when tests fail. */
  async test(namespace, moduleName2, hostOutDir) {
    validate("module name", moduleName2);
    const out = await this.workDir("test");
    await this.target.files.mkdir(out);
    const junit = `${out}/junit-${moduleName2.toLowerCase()}.xml`;
    await mkdir2(hostOutDir, { recursive: true });
    const hostJunit = join3(hostOutDir, `junit-${moduleName2.toLowerCase()}.xml`);
    const copyJunit = async () => {
      try {
        await this.target.files.copyOut(junit, hostJunit);
        return hostJunit;
      } catch {
        return null;
      }
    };
    try {
      const result = await this.ipm(
        namespace,
        [{ words: ["test", moduleName2], modifiers: [["-only"], ["-output-file", junit]] }],
        this.timeouts.testMs,
        "tests-failed"
      );
      return { passed: true, junitPath: await copyJunit(), output: result.text, error: null };
    } catch (err) {
      if (!(err instanceof IpmDbError) || err.code === "session-timeout" || err.code === "session-ended-early")
        throw err;
      return { passed: false, junitPath: await copyJunit(), output: err.details ?? "", error: err.message };
    }
  }
  /**
   * Reads values in a namespace (`##IPMDB key=value`), e.g. for the upgrade stage's
   * update-step state queries once their expressions are in docs/iris-surface.md.
   */
  async query(namespace, values3, secretEnv) {
    const result = await this.target.sessions.run({
      namespace: validateNamespace(namespace),
      operations: values3.map((v) => ({ kind: "emit", key: v.key, expression: v.expression })),
      timeoutMs: this.timeouts.shortMs,
      ...secretEnv ? { secretEnv } : {}
    });
    return result.values;
  }
};

// src/pipeline/stage-result.ts
function stageFailure(stage, error2, durationMs) {
  const hint = error2 instanceof IpmDbError && error2.hint ? ` (${redact(error2.hint)})` : "";
  const output = error2 instanceof IpmDbError && error2.details ? redact(error2.details) : void 0;
  const code = error2 instanceof IpmDbError ? error2.code : void 0;
  return {
    stage,
    status: "failed",
    durationMs,
    message: redact(errorMessage(error2)) + hint,
    ...code ? { code } : {},
    ...output ? { output } : {}
  };
}
function stageSkipped(stage, why) {
  return { stage, status: "skipped", durationMs: 0, message: why };
}
function firstFailure(stages) {
  return stages.find((s) => s.status === "failed") ?? null;
}

// src/pipeline/stages.ts
import { stat as stat7 } from "node:fs/promises";
import { basename as basename3 } from "node:path";

// src/ipm/manifest.ts
import { readFile as readFile2 } from "node:fs/promises";
import { join as join4 } from "node:path";

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
    const { error: error2, warning: warning2, info: info2 } = this.omitted;
    if (error2 + warning2 + info2 === 0) return;
    this.all.push({
      code: "limit-findings",
      severity: severityOf("limit-findings"),
      message: `${error2} more errors, ${warning2} more warnings and ${info2} more notes were found but not listed (limits.maxFindings is ${this.caps.maxFindings} per severity). Fix the listed ones, or raise the limit to see the rest.`
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
  for (const [key2, value] of Object.entries(partial)) {
    if (value === void 0) continue;
    if (!(key2 in DEFAULT_LIMITS)) {
      throw new UsageError(
        `unknown archive limit "${key2}"`,
        `Known limits: ${Object.keys(DEFAULT_LIMITS).join(", ")}.`
      );
    }
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
      throw new UsageError(`archive limit ${key2} must be a positive integer, got ${String(value)}`);
    }
    limits[key2] = value;
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
function resourceFrom(element, attributes2) {
  const key2 = RESOURCE_NAME_ATTRIBUTES.find((a) => attributes2[a] !== void 0);
  if (key2 === void 0) return null;
  return {
    element,
    name: attributes2[key2],
    processor: element === "Resource" ? attributes2.ProcessorClass ?? null : element,
    scope: attributes2.Scope ?? null,
    attributes: attributes2
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
      open(path, attributes2) {
        if (root === null) root = path;
        if (path === "Export/Document" && ++documents === 1) m.documentName = attributes2.name ?? null;
        if (path === MODULE && ++modules === 2) m.repeated.push("Document/Module");
        if (modules > 1) return;
        if (path === `${MODULE}/Checksum`) checksumAlgorithm = attributes2.Algorithm ?? null;
        if (path === `${MODULE}/SystemRequirements` && m.systemRequirements === null)
          m.systemRequirements = { ...attributes2 };
        if (!full) return;
        if (path === REFERENCE) reference = { name: null, version: null };
        const parts = path.split("/");
        const isModuleChild = parts.length === 4 && path.startsWith(`${MODULE}/`);
        const isWrappedResource = parts.length === 5 && path.startsWith(`${MODULE}/Resources/`);
        if ((isModuleChild || isWrappedResource) && !NOT_RESOURCES.has(parts[parts.length - 1])) {
          const resource = resourceFrom(parts[parts.length - 1], attributes2);
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

// src/ipm/manifest.ts
function parseModuleXml(xml, where = "module.xml") {
  const { xml: result, manifest } = readModuleManifest(Buffer.from(xml, "utf8"));
  if (!result.ok) {
    const what = result.code === "xml-not-well-formed" ? "is not well-formed XML" : "is refused";
    throw new IpmDbError("module-xml-invalid", `${where} ${what}: ${result.detail}`);
  }
  return manifest;
}
function parseModuleIdentity(xml, where = "module.xml") {
  const { name, version: version2 } = parseModuleXml(xml, where);
  if (!name || !version2)
    throw new IpmDbError(
      "module-xml-invalid",
      `${where} has no /Export/Document/Module/${name ? "Version" : "Name"}.`,
      {
        hint: "The module directory must hold an IPM module.xml."
      }
    );
  if (!isModuleName(name))
    throw new IpmDbError(
      "module-xml-invalid",
      `${where}: module name "${printable(name)}" is not a valid IPM module name (letters, digits, ".", "-", "_").`
    );
  if (!isSemver(version2))
    throw new IpmDbError(
      "module-xml-invalid",
      `${where}: version "${printable(version2)}" is not a semantic version (e.g. 1.2.3).`
    );
  return { name, version: version2 };
}
async function readModuleIdentity(moduleDir) {
  const file = join4(moduleDir, "module.xml");
  const xml = await readFile2(file, "utf8").catch((err) => {
    throw new IpmDbError("module-xml-missing", `No module.xml in ${moduleDir} (${err.code ?? err.message}).`, {
      hint: "Point module-path (--module-path) at the directory that holds the module's module.xml."
    });
  });
  return parseModuleIdentity(xml, file);
}

// src/pipeline/python-deps.ts
import { access } from "node:fs/promises";
import { join as join5 } from "node:path";
async function hasRequirementsTxt(moduleDir) {
  try {
    await access(join5(moduleDir, "requirements.txt"));
    return true;
  } catch {
    return false;
  }
}
async function networkMode(container) {
  const r = await container.docker.check("docker-inspect-failed", `Inspecting ${container.name}`, [
    "inspect",
    "--format",
    "{{.HostConfig.NetworkMode}}",
    container.name
  ]);
  return r.stdout.trim();
}
function pythonDepsWithoutNetwork(moduleName2, requirements, exportPythonDeps, mode) {
  if (!requirements || !exportPythonDeps || mode !== "none") return null;
  return new IpmDbError(
    "python-deps-need-network",
    `${moduleName2} has a requirements.txt, and package-database downloads its Python dependencies with pip into the package (wheels/), but the IRIS container has no network (--network none).`,
    {
      hint: "Run the container with a network that reaches your Python package index, or set export-python-deps: false (--no-export-python-deps) to package without the wheels (then install them yourself where the package is installed)."
    }
  );
}

// src/pipeline/containers.ts
import { join as join9 } from "node:path";

// src/iris/transcript.ts
import { appendFile, cp as cp2, mkdir as mkdir3 } from "node:fs/promises";
import { join as join6 } from "node:path";
var TRANSCRIPT_FILE = "transcript.jsonl";
function recordTranscript(container, dir) {
  let seq = 0;
  let chain = mkdir3(join6(dir, "files"), { recursive: true }).then(() => void 0);
  const append = (event) => {
    chain = chain.then(() => appendFile(join6(dir, TRANSCRIPT_FILE), JSON.stringify(event) + "\n"));
    return chain;
  };
  const exec = container.exec.bind(container);
  const mkdirIn = container.mkdir.bind(container);
  const copyIn = container.copyIn.bind(container);
  container.exec = async (command, options = {}) => {
    const result = await exec(command, options);
    if (command[0] === "iris" && command[1] === "session")
      await append({
        seq: ++seq,
        kind: "session",
        args: command,
        input: redact(options.input ?? ""),
        stdout: redact(result.stdout),
        exitCode: result.exitCode,
        secretNames: Object.keys(options.secretEnv ?? {})
      });
    return result;
  };
  container.mkdir = async (path) => {
    await mkdirIn(path);
    await append({ seq: ++seq, kind: "mkdir", path });
  };
  container.copyIn = async (hostPath, containerPath, timeoutMs) => {
    await copyIn(hostPath, containerPath, timeoutMs);
    const n = ++seq;
    const file = join6("files", String(n).padStart(4, "0"));
    await chain;
    await cp2(hostPath, join6(dir, file), { recursive: true });
    await append({ seq: n, kind: "copyIn", path: containerPath, file });
  };
  return container;
}

// src/ipm/ipm-install.ts
import { basename as basename2 } from "node:path";

// src/ipm/ipm-source.ts
import { createHash } from "node:crypto";
import { chmod as chmod2, mkdir as mkdir4, readFile as readFile3, rename, rm as rm2, stat as stat4, writeFile } from "node:fs/promises";
import { dirname as dirname2, join as join7 } from "node:path";
import { createGunzip } from "node:zlib";

// src/archive/entry-path.ts
var CONTROL2 = /[\u0000-\u001f\u007f-\u009f]/;
function normaliseEntryPath(raw) {
  const problems = [];
  if (raw.includes("\uFFFD")) problems.push({ code: "entry-unsafe-characters", detail: "is not valid UTF-8" });
  if (CONTROL2.test(raw)) problems.push({ code: "entry-unsafe-characters", detail: "holds a control character" });
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
    const link2 = records.get("linkpath");
    if (link2 !== void 0) this.pendingLink = link2;
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

// src/ipm/ipm-source.ts
var DEFAULT_IPM_REPOSITORY = "https://github.com/intersystems/ipm";
var IPM_INSTALLER_CLASS_FILE = "preload/cls/IPM/Installer.cls";
var REQUIRED_FILES = [IPM_INSTALLER_CLASS_FILE, "module.xml"];
var REQUIRED_DIRS = ["src"];
function parseIpmCommit(raw, input = "--ipm-git") {
  const text = raw.trim();
  if (isGitCommit(text)) return text.toLowerCase();
  if (/^[0-9a-fA-F]{4,39}$/.test(text))
    throw new UsageError(
      `${input} "${text}" is a short commit hash; a pin must be the full 40-hexadecimal-digit commit.`,
      `Expand it with: git rev-parse ${text} (in a clone of the IPM repository).`
    );
  throw new UsageError(
    `${input} "${text}" is not a commit: a branch or tag name moves, so it cannot pin IPM.`,
    "Give the full 40-hexadecimal-digit commit, e.g. from: git ls-remote https://github.com/intersystems/ipm <branch>"
  );
}
function parseIpmRepository(raw, input = "--ipm-git-repository") {
  const text = raw.trim() || DEFAULT_IPM_REPOSITORY;
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${input} "${text}" is not a URL.`, `Write e.g. ${DEFAULT_IPM_REPOSITORY}`);
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))
    throw new UsageError(`${input} "${text}" must be an https URL.`, `Write e.g. ${DEFAULT_IPM_REPOSITORY}`);
  if (url.username || url.password)
    throw new UsageError(
      `${input} must not carry credentials.`,
      "The source archive of a public repository needs none; use a public mirror."
    );
  if (url.search || url.hash)
    throw new UsageError(
      `${input} "${text}" must not have a query or fragment.`,
      `Write e.g. ${DEFAULT_IPM_REPOSITORY}`
    );
  const path = url.pathname.replace(/\/+$/, "").replace(/\.git$/, "");
  if (!/^(\/[A-Za-z0-9._-]+)+$/.test(path))
    throw new UsageError(
      `${input} "${text}" does not name a repository (owner/name).`,
      `Write e.g. ${DEFAULT_IPM_REPOSITORY}`
    );
  return `${url.protocol}//${url.host}${path}`;
}
function sourceArchiveUrl(pin) {
  return `${pin.repository}/archive/${pin.commit}.tar.gz`;
}
function expectedTopFolder(pin) {
  return `${pin.repository.split("/").pop()}-${pin.commit}`;
}
function sourceCacheKey(pin) {
  const repo = createHash("sha256").update(pin.repository).digest("hex").slice(0, 12);
  return `ipm-source-${repo}-${pin.commit}`;
}
var DEFAULT_LIMITS2 = { maxEntries: 5e4, maxTotalSize: 512 * 1024 * 1024 };
function invalid(pin, message) {
  return new IpmDbError("ipm-source-invalid", `The source archive ${sourceArchiveUrl(pin)} ${message}`, {
    hint: "Check the commit and ipm-git-repository: the archive must be the repository snapshot GitHub serves for that commit."
  });
}
async function unpackSourceArchive(archive, pin, destination, limits = DEFAULT_LIMITS2) {
  const top = expectedTopFolder(pin);
  const entries = await readEntries(archive, pin, top, limits);
  const partial = `${destination}.partial-${process.pid}`;
  await rm2(partial, { recursive: true, force: true });
  try {
    await mkdir4(partial, { recursive: true });
    for (const e of entries) {
      const target = join7(partial, e.path);
      if (e.kind === "directory") await mkdir4(target, { recursive: true, mode: 511 });
      else {
        await mkdir4(dirname2(target), { recursive: true, mode: 511 });
        await writeFile(target, Buffer.concat(e.data));
        await chmod2(target, 438);
      }
    }
    await makeDirectoriesWritable(partial, entries);
    const root = join7(partial, top);
    for (const f of REQUIRED_FILES)
      if (!(await stat4(join7(root, f)).catch(() => null))?.isFile())
        throw invalid(pin, `has no ${top}/${f}: it is not an IPM source tree IPM's installer can set up.`);
    for (const d of REQUIRED_DIRS)
      if (!(await stat4(join7(root, d)).catch(() => null))?.isDirectory())
        throw invalid(pin, `has no ${top}/${d}/ folder: it is not an IPM source tree.`);
    await rm2(destination, { recursive: true, force: true });
    await rename(partial, destination);
  } catch (err) {
    await rm2(partial, { recursive: true, force: true });
    throw err;
  }
  return join7(destination, top);
}
async function makeDirectoriesWritable(root, entries) {
  const dirs = /* @__PURE__ */ new Set();
  for (const e of entries) {
    const parts = e.path.split("/");
    for (let i = 1; i <= (e.kind === "directory" ? parts.length : parts.length - 1); i++)
      dirs.add(parts.slice(0, i).join("/"));
  }
  for (const d of dirs) await chmod2(join7(root, d), 511);
}
async function readEntries(archive, pin, top, limits) {
  const entries = [];
  const problems = [];
  let total = 0;
  const parser = new TarStreamParser(
    {
      entry(header) {
        const name = normaliseEntryPath(header.path);
        if (name.skip) return null;
        if (name.problems.length > 0) {
          problems.push(`entry ${printablePath(header.path)} ${name.problems[0].detail}`);
          return "abort";
        }
        if (name.path !== top && !name.path.startsWith(`${top}/`)) {
          problems.push(`entry ${printablePath(header.path)} is not under ${top}/`);
          return "abort";
        }
        if (header.type !== "file" && header.type !== "directory") {
          problems.push(`entry ${printablePath(header.path)} is a ${header.type}; only files and folders are expected`);
          return "abort";
        }
        const entry = { path: name.path, kind: header.type, data: [] };
        entries.push(entry);
        if (header.type === "directory") return null;
        total += header.size;
        return { data: (chunk) => entry.data.push(Buffer.from(chunk)), end: () => {
        } };
      },
      problem(code, message) {
        if (code !== "tar-no-end-marker" && code !== "tar-trailing-data") problems.push(message);
      }
    },
    { maxEntries: limits.maxEntries, maxTotalSize: limits.maxTotalSize, maxHeaderExtensionSize: 1024 * 1024 }
  );
  try {
    await new Promise((resolve4, reject) => {
      const gunzip = createGunzip();
      gunzip.on("data", (chunk) => parser.write(chunk));
      gunzip.on("end", () => resolve4());
      gunzip.on("error", reject);
      gunzip.end(archive);
    });
  } catch (err) {
    throw invalid(pin, `is not a gzip file: ${err.message}.`);
  }
  parser.end();
  if (problems.length > 0) throw invalid(pin, `cannot be used: ${problems[0]}.`);
  if (entries.length === 0) throw invalid(pin, "is empty.");
  if (total > limits.maxTotalSize) throw invalid(pin, `unpacks to more than ${limits.maxTotalSize} bytes.`);
  return entries;
}
async function resolveIpmSource(pin, local, options) {
  await mkdir4(options.workDir, { recursive: true });
  const url = sourceArchiveUrl(pin);
  const tree = join7(options.workDir, `ipm-source-${pin.commit}`);
  if (local) {
    const bytes2 = await readFile3(local.path);
    const sha2 = createHash("sha256").update(bytes2).digest("hex");
    if (sha2 !== local.sha256)
      throw new IpmDbError(
        "installer-checksum-mismatch",
        `The IPM source archive ${local.path} has SHA-256 ${sha2}, not the ${local.sha256} recorded when it was fetched.`
      );
    const root2 = await unpackSourceArchive(bytes2, pin, tree);
    return { root: root2, archiveSha256: sha2, archivePath: local.path, url, origin: "path" };
  }
  const archivePath = join7(options.workDir, `${sourceCacheKey(pin)}.tar.gz`);
  const key2 = sourceCacheKey(pin);
  if (options.cache && await options.cache.restore(key2, archivePath).catch(() => false)) {
    const bytes2 = await readFile3(archivePath).catch(() => null);
    if (bytes2) {
      try {
        const root2 = await unpackSourceArchive(bytes2, pin, tree);
        const sha2 = createHash("sha256").update(bytes2).digest("hex");
        return { root: root2, archiveSha256: sha2, archivePath, url, origin: "cache" };
      } catch {
      }
    }
    await rm2(archivePath, { force: true });
  }
  const bytes = await options.download(url);
  const root = await unpackSourceArchive(bytes, pin, tree);
  const partial = `${archivePath}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, archivePath);
  if (options.cache) await options.cache.save(key2, archivePath).catch(() => {
  });
  const sha = createHash("sha256").update(bytes).digest("hex");
  return { root, archiveSha256: sha, archivePath, url, origin: "download" };
}

// src/ipm/ipm-install.ts
var IPM_DIR = `${WORK_DIR}/ipm`;
var IPM_SOURCE_ROOT = `${IPM_DIR}/source/`;
function sourceInstallOperations(root = IPM_SOURCE_ROOT) {
  return [
    { kind: "loadXml", path: `${root}${IPM_INSTALLER_CLASS_FILE}` },
    { kind: "ipmInstallerSetup", root }
  ];
}
async function installIpm(target, installer, namespace, logger, timeoutMs) {
  await target.files.mkdir(WORK_DIR);
  await target.files.mkdir(IPM_DIR);
  let operations;
  if (installer.git) {
    await target.files.copyIn(installer.path, IPM_SOURCE_ROOT.replace(/\/$/, ""));
    logger.info(
      `Installing IPM from ${installer.git.repository} commit ${installer.git.commit} (source archive sha256 ${installer.sha256}) into ${namespace}`
    );
    operations = sourceInstallOperations();
  } else {
    const fileName = /^[A-Za-z0-9][A-Za-z0-9._-]*\.xml$/.test(basename2(installer.path)) ? basename2(installer.path) : "ipm-installer.xml";
    await copyFileIn(target.files, installer.path, `${IPM_DIR}/${fileName}`);
    logger.info(
      `Installing IPM from ${installer.url ?? installer.path} (sha256 ${installer.sha256}) into ${namespace}`
    );
    operations = [{ kind: "loadXml", path: `${IPM_DIR}/${fileName}` }];
  }
  await target.sessions.run({
    namespace,
    operations,
    timeoutMs,
    classify: (f) => ipmFailure(f, "ipm-install-failed", timeoutMs)
  });
}

// src/ipm/bootstrap.ts
var CONFIGURE_IPM = [
  { words: ["config", "set", "ColorScheme", "none"], modifiers: [] },
  { words: ["config", "set", "analytics", "0"], modifiers: [] }
];
function parseIrisVersion(values3) {
  const zversion = values3.get("zversion") ?? "";
  const major = Number(values3.get("major"));
  const minor = Number(values3.get("minor"));
  if (!Number.isInteger(major) || !Number.isInteger(minor) || major <= 0)
    throw new IpmDbError(
      "iris-version-unknown",
      `Could not read the IRIS version (got major "${values3.get("major") ?? ""}", minor "${values3.get("minor") ?? ""}").`,
      {
        details: zversion
      }
    );
  const build = /\(Build ([^)]+)\)/.exec(zversion);
  return {
    zversion,
    major,
    minor,
    number: values3.get("number") ?? "",
    majorMinor: `${major}.${minor}`,
    build: build ? build[1] : null
  };
}
function ipmSession(target, namespace, operations, timeoutMs, code) {
  return target.sessions.run({ namespace, operations, timeoutMs, classify: (f) => ipmFailure(f, code, timeoutMs) });
}
async function detectIris(target, namespace, timeoutMs = 12e4) {
  const result = await target.sessions.run({
    namespace,
    timeoutMs,
    operations: [
      { kind: "emit", key: "zversion", expression: { kind: "zversion" } },
      { kind: "emit", key: "major", expression: { kind: "versionMajor" } },
      { kind: "emit", key: "minor", expression: { kind: "versionMinor" } },
      { kind: "emit", key: "number", expression: { kind: "versionNumber" } },
      { kind: "emit", key: "ipm", expression: { kind: "classExists", className: "%IPM.Main" } }
    ]
  });
  return { iris: parseIrisVersion(result.values), hasIpm: result.values.get("ipm") === "1" };
}
async function bootstrapIpm(target, options) {
  const home = validateNamespace(options.homeNamespace ?? "USER");
  const { iris, hasIpm } = await detectIris(target, home);
  options.logger.info(`IRIS ${iris.number || iris.majorMinor}${iris.build ? ` (build ${iris.build})` : ""}`);
  let previousIpmVersion = "";
  if (hasIpm) previousIpmVersion = (await readIpm(target, home)).version;
  if (options.installer) {
    await installIpm(target, options.installer, home, options.logger, options.installTimeoutMs ?? 9e5);
  } else if (!hasIpm) {
    throw new IpmDbError("ipm-missing", `The image has no IPM in ${home} and no IPM installer was given.`, {
      hint: "Pass --ipm-git <commit>, --ipm <version> --ipm-sha256 <hex> or --ipm <path to zpm-<version>.xml> (action inputs ipm-git / ipm-version / ipm-installer)."
    });
  }
  const ipm = await readIpm(target, home);
  if (!ipm.version)
    throw new IpmDbError("ipm-missing", `IPM is not usable in ${home} after installation (no zpm module found).`, {
      hint: "Check that the installer is an IPM release installer (zpm-<version>.xml), or the commit an IPM source tree."
    });
  if (!ipm.databasePackaging)
    throw new IpmDbError(
      "ipm-lacks-database-packaging",
      `IPM ${ipm.version} in ${home} has no database packaging (%IPM.Lifecycle.Database does not exist), so package-database cannot run.`,
      {
        hint: "Install an IPM build with database packaging: --ipm-git <commit of a tree that has it> (the default pin does), or an installer of a release that has it."
      }
    );
  await ipmSession(
    target,
    home,
    CONFIGURE_IPM.map((command) => ({ kind: "ipm", command })),
    12e4,
    "ipm-config-failed"
  );
  options.logger.info(
    `IPM ${ipm.version} in ${home}${previousIpmVersion && previousIpmVersion !== ipm.version ? ` (was ${previousIpmVersion})` : ""}`
  );
  return {
    iris,
    ipmVersion: ipm.version,
    previousIpmVersion,
    homeNamespace: home,
    installedFrom: options.installer ?? null
  };
}
async function readIpm(target, namespace) {
  const result = await target.sessions.run({
    namespace,
    timeoutMs: 12e4,
    operations: [
      { kind: "emit", key: "ipmversion", expression: { kind: "ipmVersion" } },
      { kind: "emit", key: "dbpackaging", expression: { kind: "classExists", className: "%IPM.Lifecycle.Database" } }
    ]
  });
  return {
    version: (result.values.get("ipmversion") ?? "").trim(),
    databasePackaging: result.values.get("dbpackaging") === "1"
  };
}

// src/ipm/namespaces.ts
function namespaceName(homeNamespace, postfix) {
  const home = validateNamespace(homeNamespace);
  return validateNamespace(`${home === "%SYS" ? "USER" : home}-${validate("namespace postfix", postfix)}`);
}
function createNamespaceOperations(options) {
  const name = namespaceName(options.homeNamespace, options.postfix);
  const ops = [{ kind: "set", variable: "cfg", expression: { kind: "newNamespaceConfig" } }];
  if (options.interoperability)
    ops.push({ kind: "set", variable: "cfg.EnableEnsemble", expression: { kind: "integer", value: 1 } });
  ops.push({ kind: "initializeNamespace", postfix: options.postfix, resultVariable: "ns", configVariable: "cfg" });
  ops.push({ kind: "emit", key: "namespace", expression: { kind: "variable", name: "ns" } });
  ops.push({ kind: "switchNamespace", namespace: name });
  for (const command of CONFIGURE_IPM) ops.push({ kind: "ipm", command });
  return ops;
}
async function createNamespace(target, options) {
  const expected = namespaceName(options.homeNamespace, options.postfix);
  const timeoutMs = options.timeoutMs ?? 3e5;
  const result = await target.sessions.run({
    namespace: options.homeNamespace,
    operations: createNamespaceOperations(options),
    timeoutMs,
    classify: (f) => ipmFailure(f, "namespace-create-failed", timeoutMs)
  });
  const created = (result.values.get("namespace") ?? "").toUpperCase();
  if (created !== expected)
    throw new IpmDbError(
      "namespace-create-failed",
      `InitializeNamespace created "${created}", expected "${expected}".`,
      { details: result.text }
    );
  return expected;
}

// src/pipeline/network.ts
import { readFile as readFile4, stat as stat5 } from "node:fs/promises";
import { join as join8 } from "node:path";
function isLoopbackHost(registry) {
  const withoutScheme = registry.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const authority = withoutScheme.split("/")[0] ?? "";
  const host = authority.startsWith("[") ? authority.slice(1, authority.indexOf("]")) : authority.split(":")[0];
  return /^localhost$/i.test(host) || /^127(?:\.\d{1,3}){3}$/.test(host) || host === "::1";
}
function chooseNetwork(needs) {
  if (needs.requested) return { network: needs.requested, why: "asked for" };
  if (needs.irisRegistry && isLoopbackHost(needs.irisRegistry))
    return { network: "host", why: `IRIS must reach the registry ${needs.irisRegistry} on the runner's loopback` };
  if (needs.outbound) return { network: "bridge", why: "IPM downloads from the internet; no port is published" };
  return { network: "none", why: "nothing in the container needs the network" };
}
async function needsOutbound(moduleDir, exportPythonDeps) {
  const exists = (name) => stat5(join8(moduleDir, name)).then(
    () => true,
    () => false
  );
  if (exportPythonDeps && await exists("requirements.txt")) return true;
  return await declaresDependencies(moduleDir) && !await exists(".modules");
}
async function declaresDependencies(moduleDir) {
  try {
    return parseModuleXml(await readFile4(join8(moduleDir, "module.xml"), "utf8")).dependencies.length > 0;
  } catch {
    return false;
  }
}

// src/pipeline/containers.ts
async function startPipelineIris(ctx, runId, extra = {}) {
  const o = ctx.options;
  const network = extra.network ?? o.network ?? await defaultNetwork(ctx);
  const mounts = [...o.mounts ?? [], ...extra.mounts ?? []];
  const env = { ...o.env ?? {}, ...extra.env ?? {} };
  const container = await startIris(
    ctx.docker,
    {
      image: extra.image ?? o.image,
      runId,
      ...extra.checkCapsFalse !== void 0 ? { checkCapsFalse: extra.checkCapsFalse } : {},
      network,
      ...o.extraDockerArgs ? { extraDockerArgs: o.extraDockerArgs } : {},
      ...mounts.length > 0 ? { mounts } : {},
      ...Object.keys(env).length > 0 ? { env } : {}
    },
    {
      logger: ctx.logger,
      ...o.onResource ? { onResource: o.onResource } : {},
      ...o.timeouts?.startMs ? { runTimeoutMs: o.timeouts.startMs } : {},
      ...o.timeouts?.readyMs ? { readyTimeoutMs: o.timeouts.readyMs } : {}
    }
  );
  return drive(ctx, container);
}
async function defaultNetwork(ctx) {
  const o = ctx.options;
  const choice = chooseNetwork({ outbound: await needsOutbound(o.moduleDir, o.exportPythonDeps ?? true) });
  ctx.logger.info(`IRIS container network: ${choice.network} (${choice.why})`);
  return choice.network;
}
function drive(ctx, container) {
  const o = ctx.options;
  if (o.recordTranscripts) recordTranscript(container, join9(o.outDir, "transcripts", container.name));
  const target = { sessions: new IrisSessionRunner(container), files: container };
  const ops = new IpmOperations(target, {
    ...o.timeouts ? { timeouts: o.timeouts } : {},
    verbose: o.verbose ?? false
  });
  return { container, target, ops };
}
function newPackageNamespace(ctx, target, homeNamespace, prefix) {
  return createNamespace(target, {
    homeNamespace,
    postfix: ctx.nextPostfix(prefix),
    interoperability: ctx.options.interoperability ?? false
  });
}
function setUpIpm(ctx, target, installer, homeNamespace) {
  const limit = ctx.options.timeouts?.ipmInstallMs;
  return bootstrapIpm(target, {
    installer,
    logger: ctx.logger,
    ...homeNamespace ? { homeNamespace } : {},
    ...limit ? { installTimeoutMs: limit } : {}
  });
}

// src/ipm/installer.ts
import { createHash as createHash3 } from "node:crypto";
import { copyFile as copyFile2, mkdir as mkdir5, rename as rename2, rm as rm3, stat as stat6, writeFile as writeFile2 } from "node:fs/promises";
import { join as join10, resolve } from "node:path";

// src/util/file-hash.ts
import { createHash as createHash2 } from "node:crypto";
import { createReadStream } from "node:fs";
async function sha256OfFile(path) {
  const hash = createHash2("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk);
  return hash.digest("hex");
}

// src/ipm/installer.ts
function pinnedSource(resolved) {
  if (resolved.git)
    return {
      kind: "git",
      commit: resolved.git.commit,
      repository: resolved.git.repository,
      archive: { path: resolved.git.archivePath, sha256: resolved.sha256 }
    };
  return { kind: "path", path: resolved.path, sha256: resolved.sha256 };
}
function installerPin(resolved) {
  if (resolved.git) return `git-${resolved.git.commit}`;
  return `${resolved.version ?? "xml"}-${resolved.sha256}`;
}
var KNOWN_INSTALLER_SHA256 = {};
var IPM_RELEASE_URL = "https://github.com/intersystems/ipm/releases/download/v{version}/zpm-{version}.xml";
function installerUrl(version2, releaseUrl = IPM_RELEASE_URL) {
  return releaseUrl.replaceAll("{version}", version2);
}
async function resolveInstaller(source, options) {
  if (source.kind === "git") {
    const pin = { commit: source.commit, repository: source.repository };
    const tree = await resolveIpmSource(pin, source.archive, {
      workDir: options.workDir,
      ...options.cache ? { cache: options.cache } : {},
      download: (url2) => downloadBytes(url2, { ...options, maxBytes: options.maxBytes ?? 256 * 1024 * 1024 }, "the IPM source archive")
    });
    return {
      path: tree.root,
      sha256: tree.archiveSha256,
      version: null,
      origin: tree.origin,
      url: tree.url,
      git: { ...pin, archivePath: tree.archivePath }
    };
  }
  if (source.kind === "path") {
    const actual2 = await sha256OfFile(source.path);
    if (source.sha256 && actual2 !== source.sha256)
      throw new IpmDbError(
        "installer-checksum-mismatch",
        `The IPM installer ${source.path} has SHA-256 ${actual2}, not the pinned ${source.sha256}.`,
        {
          hint: "Use the installer the checksum was taken from, or update the pinned checksum."
        }
      );
    return { path: source.path, sha256: actual2, version: null, origin: "path", url: null };
  }
  const expected = source.sha256 ?? KNOWN_INSTALLER_SHA256[source.version];
  const url = installerUrl(source.version, options.releaseUrl);
  if (!expected)
    throw new UsageError(
      `No SHA-256 is known for IPM ${source.version}: pass --ipm-sha256 <hex> (action input ipm-sha256) with the checksum of ${url}.`,
      "Compute it once with: curl -sL <url> | sha256sum"
    );
  await mkdir5(options.workDir, { recursive: true });
  const destination = join10(options.workDir, `zpm-${source.version}.xml`);
  const key2 = `ipm-installer-${source.version}-${expected}`;
  if (options.cache && await options.cache.restore(key2, destination).catch(() => false)) {
    const cached = await sha256OfFile(destination).catch(() => "");
    if (cached === expected)
      return { path: destination, sha256: expected, version: source.version, origin: "cache", url };
    await rm3(destination, { force: true });
  }
  const bytes = await downloadBytes(url, options, "the IPM installer");
  const actual = createHash3("sha256").update(bytes).digest("hex");
  if (actual !== expected)
    throw new IpmDbError(
      "installer-checksum-mismatch",
      `The IPM installer downloaded from ${url} has SHA-256 ${actual}, not the pinned ${expected}.`,
      {
        hint: "The file was not used. Check the pinned checksum against the release."
      }
    );
  const partial = `${destination}.partial`;
  await writeFile2(partial, bytes);
  await rename2(partial, destination);
  if (options.cache) await options.cache.save(key2, destination).catch(() => {
  });
  return { path: destination, sha256: actual, version: source.version, origin: "download", url };
}
async function downloadBytes(url, options, what) {
  const fetchImpl = options.fetchImpl ?? fetch;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  let response;
  try {
    response = await fetchImpl(url, { redirect: "follow", signal: AbortSignal.timeout(options.timeoutMs ?? 12e4) });
  } catch (err) {
    throw new IpmDbError(
      "installer-download-failed",
      `Could not download ${what} from ${url}: ${err.message}.`,
      {
        hint: "Check the network, or pass a local installer file with --ipm <path>.",
        cause: err
      }
    );
  }
  if (!response.ok)
    throw new IpmDbError("installer-download-failed", `Downloading ${url} answered HTTP ${response.status}.`, {
      hint: "Check that the IPM version has a release with a zpm-<version>.xml asset, or that the commit exists in the repository."
    });
  const length = Number(response.headers.get("content-length") ?? "0");
  if (length > maxBytes)
    throw new IpmDbError("installer-download-failed", `${url} is ${length} bytes, more than the ${maxBytes} accepted.`);
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > maxBytes)
    throw new IpmDbError(
      "installer-download-failed",
      `${url} is ${body.length} bytes, more than the ${maxBytes} accepted.`
    );
  return body;
}

// src/pipeline/warm.ts
import { tmpdir as tmpdir2 } from "node:os";
import { join as join11 } from "node:path";

// src/ipm/warm-image.ts
import { createHash as createHash4 } from "node:crypto";
var WARM_REPOSITORY = "ipm-db-warm";
var WARM_LABEL = "ipm-db.warm";
var WARM_BASE_LABEL = "ipm-db.warm.base";
function warmImageKey(baseImageId2, ipmPin, homeNamespace) {
  return createHash4("sha256").update(`${baseImageId2}
${ipmPin}
${homeNamespace}`).digest("hex").slice(0, 32);
}
function warmImageTag(key2) {
  return `${WARM_REPOSITORY}:${key2}`;
}
async function baseImageId(docker, image) {
  const inspect = () => docker.call(["image", "inspect", "--format", "{{.Id}}", image], { timeoutMs: 6e4 });
  let r = await inspect();
  if (r.exitCode !== 0) {
    const pull = await docker.call(["pull", image], { timeoutMs: 6e5 });
    if (pull.exitCode !== 0) return null;
    r = await inspect();
  }
  const id = r.stdout.trim();
  return r.exitCode === 0 && isDigest(id) ? id : null;
}
async function warmImageExists(docker, tag) {
  const r = await docker.call(["image", "inspect", "--format", "{{.Id}}", tag], { timeoutMs: 6e4 });
  return r.exitCode === 0;
}
async function dropWarmImage(docker, tag) {
  await docker.call(["rmi", "-f", tag], { timeoutMs: 12e4 }).catch(() => void 0);
}
async function commitWarmImage(container, tag, key2, baseImageId2, options) {
  const docker = container.docker;
  await docker.check(
    "warm-image-failed",
    `Stopping ${container.name} to commit it`,
    ["stop", "-t", "300", container.name],
    {
      timeoutMs: 33e4
    }
  );
  try {
    await docker.check(
      "warm-image-failed",
      `Committing ${container.name} as ${tag}`,
      [
        "commit",
        "--change",
        `LABEL ${WARM_LABEL}=${key2}`,
        "--change",
        `LABEL ${WARM_BASE_LABEL}=${baseImageId2}`,
        container.name,
        tag
      ],
      { timeoutMs: 6e5 }
    );
  } finally {
    await docker.check("warm-image-failed", `Starting ${container.name} again`, ["start", container.name], {
      timeoutMs: 12e4
    });
    await container.waitReady(options);
  }
}

// src/pipeline/warm.ts
var installers = /* @__PURE__ */ new WeakMap();
var warmStates = /* @__PURE__ */ new WeakMap();
function pipelineInstaller(ctx) {
  let p = installers.get(ctx);
  if (!p) {
    const o = ctx.options;
    p = o.installer ? resolveInstaller(o.installer, {
      workDir: join11(tmpdir2(), "ipm-db-installers"),
      ...o.installerCache ? { cache: o.installerCache } : {}
    }) : Promise.resolve(null);
    installers.set(ctx, p);
  }
  return p;
}
function warmState(ctx) {
  return warmStates.get(ctx) ?? null;
}
async function warmIdentity(ctx, image) {
  const installer = await pipelineInstaller(ctx);
  const baseId = installer ? await baseImageId(ctx.docker, image) : null;
  if (!installer || !baseId) return null;
  const key2 = warmImageKey(baseId, installerPin(installer), ctx.options.homeNamespace ?? "USER");
  return { key: key2, baseId, tag: warmImageTag(key2) };
}
async function startWithWarmImage(ctx) {
  const o = ctx.options;
  if (!o.warmIpmImage || !o.installer) return startPipelineIris(ctx, ctx.runId);
  const identity = await warmIdentity(ctx, o.image);
  if (!identity) {
    ctx.logger.warn(`No warm IPM image for ${o.image}: its image id could not be read.`);
    return startPipelineIris(ctx, ctx.runId);
  }
  const state = { ...identity, used: false };
  const { tag } = state;
  warmStates.set(ctx, state);
  if (!await warmImageExists(ctx.docker, tag)) return startPipelineIris(ctx, ctx.runId);
  try {
    const driven = await startPipelineIris(ctx, ctx.runId, {
      image: tag,
      checkCapsFalse: needsCheckCapsFalse(o.image)
    });
    state.used = true;
    ctx.logger.info(`Started from the warm IPM image ${tag}`);
    return driven;
  } catch (err) {
    ctx.logger.warn(
      `The warm IPM image ${tag} did not start (${errorMessage(err)}); starting ${o.image} and installing IPM afresh.`
    );
    await dropWarmImage(ctx.docker, tag);
    return startPipelineIris(ctx, ctx.runId);
  }
}
async function setUpIpmWarm(ctx, installer) {
  const o = ctx.options;
  const state = warmState(ctx);
  if (state?.used) {
    try {
      const setup2 = await setUpIpm(ctx, ctx.target, null, o.homeNamespace);
      return { ...setup2, installedFrom: installer };
    } catch (err) {
      ctx.logger.warn(
        `The warm IPM image ${state.tag} failed the IPM check (${errorMessage(err)}); installing IPM afresh in a new container.`
      );
      state.used = false;
      await dropWarmImage(ctx.docker, state.tag);
      await ctx.container.remove();
      const driven = await startPipelineIris(ctx, ctx.runId);
      ctx.container = driven.container;
      ctx.target = driven.target;
      ctx.ops = driven.ops;
    }
  }
  const setup = await setUpIpm(ctx, ctx.target, installer, o.homeNamespace);
  if (installer) recordIpmInstall(ctx, ctx.container.name);
  if (state && o.warmIpmImage) {
    try {
      await commitWarmImage(ctx.container, state.tag, state.key, state.baseId, {
        logger: ctx.logger,
        ...o.timeouts?.readyMs ? { readyTimeoutMs: o.timeouts.readyMs } : {},
        image: o.image
      });
      ctx.logger.info(`Committed the warm IPM image ${state.tag}`);
    } catch (err) {
      if (!(await ctx.container.isRunning()).running) throw err;
      ctx.logger.warn(`Could not commit the warm IPM image ${state.tag}: ${errorMessage(err)}`);
    }
  }
  return setup;
}
function recordIpmInstall(ctx, container) {
  (ctx.report.ipmInstalls ??= []).push(container);
}
async function warmImageForScenarios(ctx) {
  const state = warmState(ctx);
  if (!state || !ctx.options.warmIpmImage) return null;
  return state.used || await warmImageExists(ctx.docker, state.tag) ? state.tag : null;
}
async function warmImageOf(ctx, image) {
  if (!ctx.options.warmIpmImage || !ctx.options.installer) return null;
  const identity = await warmIdentity(ctx, image);
  return identity && await warmImageExists(ctx.docker, identity.tag) ? identity.tag : null;
}
async function setUpScenarioIpm(ctx, driven, fromWarmImage, installer, homeNamespace) {
  if (fromWarmImage) {
    try {
      await setUpIpm(ctx, driven.target, null, homeNamespace);
      return;
    } catch (err) {
      ctx.logger.warn(
        `IPM was not usable in ${driven.container.name}, started from the warm IPM image (${errorMessage(err)}); installing it afresh.`
      );
    }
  }
  await setUpIpm(ctx, driven.target, installer, homeNamespace);
  if (installer) recordIpmInstall(ctx, driven.container.name);
}

// src/iris/assumptions.ts
var PROBE_GLOBAL = "^IPMDBProbe";
var MAIN_PROBE_SCRIPT = [
  'write "##IPMDB probe.sum=",1+1,!',
  "set x=1/0",
  'write "##IPMDB probe.after-error=1",!',
  `set ${PROBE_GLOBAL}=1 write "##IPMDB probe.global=",$order(^$GLOBAL("^IPMDBProbd")),! kill ${PROBE_GLOBAL}`,
  "halt"
];
var TERMINATE_PROBE_SCRIPT = [
  "do $system.Process.Terminate($job,1)",
  'write "##IPMDB probe.after-terminate=1",!'
];
function probe(name, holds, expected, saw) {
  return { name, holds, expected, saw };
}
function judgeProbes(main2, terminate) {
  const out = parseSessionOutput(main2.stdout);
  const sum = out.values.get("probe.sum");
  const echoed = main2.stdout.includes('"##IPMDB probe.sum="');
  const global = out.values.get("probe.global");
  const after = parseSessionOutput(terminate.stdout).values.get("probe.after-terminate");
  return [
    probe(
      "piped-session-output",
      sum === "2",
      'a "##IPMDB probe.sum=2" line (after the namespace prompt) for `write "##IPMDB probe.sum=",1+1,!`',
      sum === void 0 ? "no such line" : `probe.sum=${sum}`
    ),
    probe(
      "piped-session-no-echo",
      !echoed,
      "the script lines are not echoed back",
      echoed ? 'the input line `write "##IPMDB probe.sum=",...` in the output' : "no echo"
    ),
    probe(
      "direct-mode-error-format",
      out.objectScriptErrors.some((e) => e.startsWith("<DIVIDE>")),
      'a line starting "<DIVIDE>" for `set x=1/0`',
      out.objectScriptErrors.length > 0 ? out.objectScriptErrors.join(" / ") : "no line of the form <NAME> ..."
    ),
    probe(
      "error-continues-session",
      out.values.get("probe.after-error") === "1",
      "the line after a direct-mode error still runs",
      out.values.get("probe.after-error") === "1" ? "it ran" : "it did not run"
    ),
    probe(
      "global-directory",
      global === PROBE_GLOBAL || global === PROBE_GLOBAL.slice(1),
      `$order(^$GLOBAL("^IPMDBProbd")) returning "${PROBE_GLOBAL}" (with or without ^) once it is set`,
      global === void 0 ? "no probe.global line" : `probe.global=${global}`
    ),
    probe("exit-status-halt", main2.exitCode === 0, "exit status 0 after halt", `exit status ${main2.exitCode}`),
    probe(
      "exit-status-terminate",
      terminate.exitCode === 1 && after === void 0,
      "exit status 1 after $system.Process.Terminate($job,1), and nothing after it runs",
      `exit status ${terminate.exitCode}${after === void 0 ? "" : ", and the next line ran"}`
    )
  ];
}
function assumptionError(results, main2, terminate) {
  const broken = results.find((r) => !r.holds);
  if (!broken) return null;
  return new IpmDbError(
    "assumption-failed",
    `assumption ${broken.name} does not hold: expected ${broken.expected}, saw ${broken.saw}`,
    {
      hint: 'This IRIS behaves differently from what the driver was built against (docs/iris-surface.md, "Assumptions"). Report it with the output below.',
      details: [
        `--- probe session (exit ${main2.exitCode}) ---`,
        main2.stdout,
        `--- terminate probe (exit ${terminate.exitCode}) ---`,
        terminate.stdout
      ].join("\n")
    }
  );
}
async function probeAssumptions(exec, namespace) {
  const main2 = await exec(namespace, MAIN_PROBE_SCRIPT);
  const terminate = await exec(namespace, TERMINATE_PROBE_SCRIPT);
  for (const [what, s] of [
    ["probe session", main2],
    ["terminate probe", terminate]
  ])
    if (s.exitCode !== 0 && s.exitCode !== 1)
      throw new IpmDbError(
        "session-ended-early",
        `The IRIS ${what} in ${namespace} ended before the end of its script (exit ${s.exitCode}).`,
        { hint: "IRIS stopped or the session was cut off; read the IRIS output below.", details: s.stdout }
      );
  const results = judgeProbes(main2, terminate);
  const error2 = assumptionError(results, main2, terminate);
  if (error2) throw Object.assign(error2, { probes: results });
  return results;
}

// src/pipeline/stages.ts
function need(value, what) {
  if (value === null)
    throw new IpmDbError("pipeline-order", `Internal: ${what} is not available; a stage it depends on did not run.`);
  return value;
}
var startStage = {
  name: "start",
  async run(ctx) {
    const o = ctx.options;
    ctx.module = await readModuleIdentity(o.moduleDir);
    ctx.report.module = { ...ctx.module };
    await ctx.docker.assertAvailable();
    if (o.login) await dockerLogin(ctx.docker, o.login);
    const driven = await startWithWarmImage(ctx);
    const container = driven.container;
    ctx.container = container;
    ctx.target = driven.target;
    ctx.ops = driven.ops;
    await probeStart(ctx, container);
    return `${o.image} running as ${container.name} (module ${ctx.module.name} ${ctx.module.version})`;
  }
};
async function probeStart(ctx, container) {
  const exec = async (namespace, script) => {
    const r = await container.exec(sessionArgs(namespace), { input: script.join("\n") + "\n", timeoutMs: 6e4 });
    return { stdout: r.stdout, exitCode: r.exitCode };
  };
  try {
    ctx.report.assumptions = await probeAssumptions(exec, ctx.options.homeNamespace ?? "USER");
  } catch (err) {
    const probes = err.probes;
    if (probes) ctx.report.assumptions = probes;
    throw err;
  }
}
var ipmStage = {
  name: "ipm",
  async run(ctx) {
    need(ctx.target, "the container");
    const installer = await pipelineInstaller(ctx);
    const setup = await setUpIpmWarm(ctx, installer);
    const warm = warmState(ctx);
    ctx.setup = setup;
    ctx.report.irisVersion = setup.iris.majorMinor;
    ctx.report.irisBuild = setup.iris.build;
    ctx.report.ipmVersion = setup.ipmVersion;
    ctx.report.ipmSource = installer ? {
      url: installer.url ?? installer.path,
      sha256: installer.sha256,
      commit: installer.git?.commit ?? null,
      repository: installer.git?.repository ?? null
    } : null;
    const from = warm?.used ? ` (warm image ${warm.tag}, IPM checked)` : installer?.git ? ` (installed from commit ${installer.git.commit}, ${installer.origin}, archive sha256 ${installer.sha256})` : installer ? ` (installed from ${installer.origin})` : " (from the image)";
    return `IRIS ${setup.iris.number || setup.iris.majorMinor}, IPM ${setup.ipmVersion}${from}`;
  }
};
var loadStage = {
  name: "load",
  async run(ctx) {
    const ops = need(ctx.ops, "IPM");
    const setup = need(ctx.setup, "IPM");
    ctx.packagingNamespace = await newPackageNamespace(
      ctx,
      need(ctx.target, "the container"),
      setup.homeNamespace,
      "PKG"
    );
    await ops.loadModule(ctx.packagingNamespace, ctx.options.moduleDir, { dev: ctx.options.dev ?? false });
    return `loaded and compiled in ${ctx.packagingNamespace}`;
  }
};
var packageStage = {
  name: "package",
  async run(ctx) {
    const ops = need(ctx.ops, "IPM");
    const module = need(ctx.module, "the module");
    const exportPythonDeps = ctx.options.exportPythonDeps !== false;
    if (exportPythonDeps && await hasRequirementsTxt(ctx.options.moduleDir)) {
      const refusal = pythonDepsWithoutNetwork(
        module.name,
        true,
        exportPythonDeps,
        await networkMode(need(ctx.container, "the container"))
      );
      if (refusal) throw refusal;
    }
    const archive = await ops.packageDatabase(
      need(ctx.packagingNamespace, "the packaging namespace"),
      module.name,
      ctx.options.outDir,
      {
        dev: ctx.options.dev ?? false,
        ...ctx.options.exportPythonDeps === false ? { exportPythonDeps: false } : {}
      }
    );
    ctx.archive = archive;
    const { size } = await stat7(archive.hostPath);
    ctx.report.archive = {
      path: archive.hostPath,
      fileName: archive.fileName,
      size,
      sha256: "",
      irisDatSha256: archive.checksum
    };
    return `${archive.fileName} (${size} bytes, IRIS.DAT sha256 ${archive.checksum ?? "not printed"})`;
  }
};
var verifyStage = {
  name: "verify",
  async run(ctx) {
    const archive = need(ctx.archive, "the archive");
    const module = need(ctx.module, "the module");
    const report = await ctx.options.verifyArchive(archive.hostPath, {
      ...ctx.setup ? { expectedIrisVersion: ctx.setup.iris.majorMinor } : {},
      expectedModuleName: module.name,
      expectedModuleVersion: module.version
    });
    ctx.report.verification = report;
    if (ctx.report.archive) {
      ctx.report.archive.sha256 = report.archive.sha256;
      ctx.report.archive.size = report.archive.size;
      if (report.irisDat) ctx.report.archive.irisDatSha256 = report.irisDat.sha256;
    }
    if (archive.checksum && report.irisDat && report.irisDat.sha256 !== archive.checksum)
      throw new IpmDbError(
        "checksum-mismatch",
        `IRIS.DAT in ${archive.fileName} hashes to ${report.irisDat.sha256}, but IPM printed ${archive.checksum}.`
      );
    if (!report.valid) {
      const first = report.errors[0];
      throw new IpmDbError(
        "archive-invalid",
        `${archive.fileName} failed verification: ${report.errors.length} error(s)${first ? `; first: ${first.message}` : ""}`,
        {
          details: report.errors.map((e) => `${e.code}${e.entry ? ` (${e.entry})` : ""}: ${e.message}`).join("\n")
        }
      );
    }
    return `${archive.fileName}: valid, ${report.warnings.length} warning(s)`;
  }
};
var installStage = {
  name: "install",
  async run(ctx) {
    const ops = need(ctx.ops, "IPM");
    const setup = need(ctx.setup, "IPM");
    const module = need(ctx.module, "the module");
    const archive = need(ctx.archive, "the archive");
    ctx.installNamespace = await newPackageNamespace(
      ctx,
      need(ctx.target, "the container"),
      setup.homeNamespace,
      "INST"
    );
    const swap = await ops.loadPackage(ctx.installNamespace, archive.hostPath);
    const installed = await ops.installedModule(ctx.installNamespace, module.name);
    if (!installed)
      throw new IpmDbError(
        "install-not-listed",
        `IPM has no record of ${module.name} in ${ctx.installNamespace} after installing ${basename3(archive.hostPath)}.`,
        { details: swap.output }
      );
    if (installed.version !== module.version)
      throw new IpmDbError(
        "install-wrong-version",
        `IPM records ${module.name} ${installed.version} in ${ctx.installNamespace} after installing ${module.version}.`
      );
    if (installed.packaging !== "database")
      throw new IpmDbError(
        "install-not-database",
        `IPM records ${module.name} in ${ctx.installNamespace} with packaging "${installed.packaging}", not "database", after installing ${basename3(archive.hostPath)}.`,
        { details: swap.output }
      );
    const dependencies = (ctx.report.verification?.dependencies ?? []).map((d) => d.name);
    const problems = dependencyProblems(await ops.dependencyStates(ctx.installNamespace, dependencies), dependencies);
    if (problems.length > 0) throw missingDependencyError(problems, module.name, ctx.installNamespace);
    return `${module.name} ${installed.version} installed in ${ctx.installNamespace}${swap.backupPath ? ` (backup ${swap.backupPath})` : ""}`;
  }
};
var testStage = {
  name: "test",
  skip(ctx) {
    if (!ctx.options.runTests) return "tests not requested";
    return null;
  },
  async run(ctx) {
    const ops = need(ctx.ops, "IPM");
    const module = need(ctx.module, "the module");
    const namespace = need(ctx.packagingNamespace, "the packaging namespace");
    const run3 = await ops.test(namespace, module.name, ctx.options.outDir);
    ctx.report.junitPath = run3.junitPath;
    if (!run3.passed)
      throw new IpmDbError("tests-failed", run3.error ?? `The tests of ${module.name} failed.`, { details: run3.output });
    return `tests passed in ${namespace}${run3.junitPath ? `; JUnit at ${run3.junitPath}` : ""}`;
  }
};
var DEFAULT_STAGES = [
  startStage,
  ipmStage,
  loadStage,
  packageStage,
  verifyStage,
  installStage,
  testStage
];

// src/pipeline/runner.ts
function emptyReport(image, startedAt) {
  return {
    schema: "ipm-db/run-report@1",
    image,
    irisVersion: null,
    irisBuild: null,
    ipmVersion: null,
    module: null,
    ok: false,
    stages: [],
    archive: null,
    verification: null,
    compileErrors: [],
    junitPath: null,
    upgrade: [],
    published: null,
    startedAt: startedAt.toISOString(),
    durationMs: 0
  };
}
function createContext(options, report) {
  const used = /* @__PURE__ */ new Set();
  return {
    options,
    report,
    logger: options.logger,
    docker: new Docker(options.docker ?? {}),
    runId: options.runId ?? newRunId(),
    container: null,
    target: null,
    ops: null,
    setup: null,
    module: null,
    packagingNamespace: null,
    installNamespace: null,
    archive: null,
    nextPostfix(prefix) {
      let candidate = prefix;
      for (let n = 2; used.has(candidate); n++) candidate = `${prefix}${n}`;
      used.add(candidate);
      return candidate;
    }
  };
}
async function runPipeline(options) {
  const started = /* @__PURE__ */ new Date();
  const report = emptyReport(options.image, started);
  const ctx = createContext(options, report);
  const stages = options.stages ?? DEFAULT_STAGES;
  const hooks = options.hooks ?? [];
  let failed2 = false;
  try {
    for (const stage of stages) {
      if (failed2) {
        report.stages.push(stageSkipped(stage.name, "an earlier stage failed"));
        continue;
      }
      if (options.signal?.aborted) {
        failed2 = true;
        report.stages.push({
          stage: stage.name,
          status: "failed",
          durationMs: 0,
          message: "cancelled before this stage started"
        });
        options.logger.error(`${stage.name}: cancelled`);
        continue;
      }
      const skip = stage.skip?.(ctx) ?? null;
      if (skip !== null) {
        report.stages.push(stageSkipped(stage.name, skip));
        options.logger.info(`${stage.name}: skipped (${skip})`);
        continue;
      }
      for (const h of hooks) await h.beforeStage?.(stage.name, ctx);
      const t0 = Date.now();
      let result;
      try {
        const message = await options.logger.group(stage.name, () => stage.run(ctx));
        result = {
          stage: stage.name,
          status: "passed",
          durationMs: Date.now() - t0,
          ...message ? { message: redact(message) } : {}
        };
        options.logger.info(
          `${stage.name}: passed in ${formatDuration(result.durationMs)}${result.message ? ` - ${result.message}` : ""}`
        );
      } catch (err) {
        failed2 = true;
        result = stageFailure(stage.name, err, Date.now() - t0);
        if (err instanceof CompileFailedError) {
          report.compileErrors = err.compileErrors;
          for (const e of err.compileErrors)
            options.logger.error(e.message, {
              ...e.file ? { file: e.file } : {},
              ...e.line ? { line: e.line } : {},
              title: `Compile error in ${e.document}`
            });
        }
        options.logger.error(`${stage.name}: failed after ${formatDuration(result.durationMs)} - ${result.message}`);
        if (result.output) options.logger.info(result.output);
      }
      report.stages.push(result);
      for (const h of hooks) await h.afterStage?.(result, ctx);
    }
  } finally {
    await cleanUp(ctx);
    report.ok = !failed2 && report.stages.every((s) => s.status !== "failed");
    report.durationMs = Date.now() - started.getTime();
  }
  return report;
}
async function cleanUp(ctx) {
  if (!ctx.container) return;
  if (ctx.options.keepContainer && ctx.container) {
    ctx.logger.info(`Keeping container ${ctx.container.name} (remove it with: docker rm -f -v ${ctx.container.name})`);
    return;
  }
  try {
    const removed = await removeRun(ctx.docker, ctx.runId);
    if (removed.length > 0) ctx.logger.debug(`Removed ${removed.join(", ")}`);
  } catch (err) {
    ctx.logger.warn(`Could not remove the containers of run ${ctx.runId}: ${errorMessage(err)}`);
  }
}

// src/util/abort.ts
function untilAborted(work, signal, what) {
  return new Promise((resolve4, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error(`${what} was cancelled`));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve4(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      }
    );
  });
}

// src/util/grouped-log.ts
function located(message, where) {
  return where?.file ? `${where.file}${where.line ? `:${where.line}` : ""}: ${message}` : message;
}
function groupedLogger(sink, prefix) {
  let open3 = null;
  const emit = (line) => {
    if (open3) open3.push(line);
    else sink.line({ ...line, text: `${prefix}${line.text}` });
  };
  return {
    info: (m) => emit({ level: "info", text: m }),
    warn: (m, w) => emit({ level: "info", text: `warning: ${located(m, w)}` }),
    error: (m, w) => emit({ level: "info", text: `error: ${located(m, w)}` }),
    debug: (m) => emit({ level: "debug", text: m }),
    async group(title, fn) {
      if (open3) {
        open3.push({ level: "info", text: `-- ${title}` });
        return fn();
      }
      const lines = [];
      open3 = lines;
      try {
        return await fn();
      } finally {
        open3 = null;
        sink.block(`${prefix}${title}`, lines);
      }
    }
  };
}

// src/pipeline/run-report.ts
var STAGES = ["start", "ipm", "load", "package", "verify", "install", "test", "upgrade", "publish"];

// src/pipeline/upgrade/steps.ts
var key = (row) => `${row.className}:${row.methodName}`;
function rowsOfPackage(rows, updatePackage) {
  const prefix = `${updatePackage}.V`;
  return rows.filter((row) => row.className.startsWith(prefix));
}
function done(row) {
  return row !== null && row.timeStampEnd !== "" && row.statusOk;
}
function outcome(mode, before, after, newInRelease) {
  if (after === null || after.timeStampEnd === "") return "missing";
  if (!after.statusOk) return "failed";
  if (mode === "fresh") return after.timeStampStart === "" ? "seeded" : "ran-on-fresh-install";
  if (done(before)) {
    const untouched = after.timeStampStart === before.timeStampStart && after.timeStampEnd === before.timeStampEnd;
    if (!untouched) return "ran-again";
    return newInRelease ? "done-before-release" : "kept";
  }
  return after.timeStampStart === "" ? "seeded-not-run" : "ran";
}
var GOOD = { fresh: ["seeded"], upgrade: ["ran", "kept"] };
function judgeSteps(mode, expected, before, after, previousSteps = null) {
  const beforeByKey = new Map(before.map((row) => [key(row), row]));
  const afterByKey = new Map(after.map((row) => [key(row), row]));
  return expected.map((step) => {
    const b = beforeByKey.get(step) ?? null;
    const a = afterByKey.get(step) ?? null;
    const result = outcome(mode, b, a, previousSteps !== null && !previousSteps.includes(step));
    return { step, outcome: result, ok: GOOD[mode].includes(result), before: b, after: a };
  });
}
var EXPLANATION = {
  seeded: "was seeded",
  ran: "ran once",
  kept: "was done before and not run again",
  "ran-again": "had already run (or been seeded) before the upgrade and ran again",
  "ran-on-fresh-install": "ran on a fresh install, where IPM must only seed it",
  "seeded-not-run": "is new in this upgrade but was only seeded: its migration never ran",
  "done-before-release": "is new in this release but was already marked done before the upgrade (an earlier install seeded it), so its migration never ran",
  missing: "is declared by the installed step classes but IPM never recorded it as done",
  failed: "ended with an error status"
};
function stepProblems(verdicts) {
  return verdicts.filter((v) => !v.ok).map((v) => `update step ${v.step} ${EXPLANATION[v.outcome]}`);
}
function stepsThatRan(verdicts) {
  return verdicts.filter((v) => v.outcome === "ran" || v.outcome === "ran-again" || v.outcome === "ran-on-fresh-install").map((v) => v.step);
}
function describeOutcome(value) {
  return EXPLANATION[value];
}

// src/pipeline/upgrade/markdown.ts
var TITLE = {
  database: "database -> database",
  source: "source -> database",
  fresh: "fresh install",
  "container-replacement": "container replacement (Durable %SYS)",
  "iris-upgrade": "IRIS version upgrade (Durable %SYS, new IRIS image)"
};
var OUTPUT_LINES = 40;
var NODE_LINES = 10;
function shortHash(hash) {
  return hash === "" ? "absent" : markdownCode(hash.slice(0, 12));
}
function version(result) {
  const before = result.moduleBefore ? result.moduleBefore.version : result.previous.version ?? "-";
  const after = result.moduleAfter ? `${result.moduleAfter.version} (${result.moduleAfter.packaging})` : "-";
  return result.scenario === "fresh" ? after : `${before} -> ${after}`;
}
function summaryRow(result) {
  const ranSteps = result.steps.filter((s) => s.outcome === "ran").length;
  const badSteps = result.steps.filter((s) => !s.ok).length;
  const steps = result.steps.length === 0 ? "-" : `${ranSteps} ran, ${result.steps.length - ranSteps - badSteps} seeded/kept${badSteps ? `, **${badSteps} wrong**` : ""}`;
  const failedChecks = result.checks.filter((c) => !c.ok).length;
  const checks = result.checks.length === 0 ? "-" : `${result.checks.length - failedChecks}/${result.checks.length}`;
  const undeclared = result.changes.filter((c) => c.declaredBy.length === 0).length;
  const data = result.after === null ? "-" : `${Object.keys(result.after.globals).length} globals, ${result.changes.length} changed${undeclared ? `, **${undeclared} undeclared**` : ""}`;
  return `| ${TITLE[result.scenario]} | ${result.ok ? "passed" : "**failed**"} | ${markdownText(version(result))} | ${steps} | ${checks} | ${data} |`;
}
function fingerprintTable(before, after, changes) {
  const names = [.../* @__PURE__ */ new Set([...Object.keys(before?.globals ?? {}), ...Object.keys(after?.globals ?? {})])].sort();
  if (names.length === 0) return [];
  const byGlobal = new Map(changes.map((c) => [c.global, c]));
  const lines = [
    "| global | nodes before | hash before | nodes after | hash after | change |",
    "|---|---:|---|---:|---|---|"
  ];
  for (const name of names) {
    const b = before?.globals[name];
    const a = after?.globals[name];
    const change = byGlobal.get(name);
    const verdict = !change ? "same" : change.declaredBy.length > 0 ? `${change.kind}, declared by ${change.declaredBy.map(markdownCode).join(", ")}` : `**${change.kind}, undeclared**`;
    lines.push(
      `| ${markdownCode(name)} | ${b ? b.nodes : "-"} | ${b ? shortHash(b.hash) : "-"} | ${a ? a.nodes : "-"} | ${a ? shortHash(a.hash) : "-"} | ${verdict} |`
    );
  }
  for (const change of changes) {
    if (!change.nodeChanges || change.nodeChanges.length === 0) continue;
    lines.push("", `${markdownCode(change.global)}:`);
    for (const node of change.nodeChanges.slice(0, NODE_LINES)) lines.push(`- ${node.kind} ${markdownCode(node.node)}`);
    if (change.nodeChanges.length > NODE_LINES) lines.push(`- and ${change.nodeChanges.length - NODE_LINES} more`);
  }
  return lines;
}
function scenarioSection(result) {
  const lines = [
    `### ${TITLE[result.scenario]}: ${result.ok ? "passed" : "failed"}`,
    "",
    markdownText(result.message),
    ""
  ];
  if (result.previous.source !== "none")
    lines.push(`Previous release: ${markdownCode(result.previous.reference)} (${result.previous.source})`, "");
  if (result.namespace) lines.push(`Namespace: ${markdownCode(result.namespace)}`, "");
  if (result.problems.length > 0) {
    lines.push("Problems:", ...result.problems.map((p) => `- ${markdownText(p)}`), "");
  }
  const data = fingerprintTable(result.before, result.after, result.changes);
  if (data.length > 0) lines.push("Data fingerprints:", "", ...data, "");
  if (result.steps.length > 0) {
    lines.push("| update step | outcome | before (start / end) | after (start / end) |", "|---|---|---|---|");
    const times = (row) => row ? `${row.timeStampStart || "(seeded)"} / ${row.timeStampEnd || "-"}` : "-";
    for (const step of result.steps) {
      const outcome2 = step.ok ? describeOutcome(step.outcome) : `**${describeOutcome(step.outcome)}**`;
      lines.push(`| ${markdownCode(step.step)} | ${outcome2} | ${times(step.before)} | ${times(step.after)} |`);
    }
    lines.push("");
  }
  if (result.checks.length > 0) {
    lines.push("| check | returned | result |", "|---|---|---|");
    for (const check of result.checks)
      lines.push(
        `| ${markdownCode(check.check)} | ${markdownCode(check.returned) || "(empty)"} | ${check.ok ? "ok" : "**failed**"} |`
      );
    lines.push("");
  }
  if (result.output) {
    const tail = result.output.split("\n").slice(-OUTPUT_LINES).join("\n").replace(/```/g, "'''");
    lines.push(
      "<details><summary>IRIS output of the failing step</summary>",
      "",
      "```",
      tail,
      "```",
      "",
      "</details>",
      ""
    );
  }
  if (result.backup)
    lines.push(
      `Swap backup: ${markdownCode(result.backup.path)} ${result.backup.exists ? "exists" : "**is missing**"}`,
      ""
    );
  return lines;
}
function renderUpgradeMarkdown(results) {
  if (results.length === 0) return "## Upgrade tests\n\nNo upgrade scenario ran.\n";
  const lines = [
    "## Upgrade tests",
    "",
    "| scenario | result | module | update steps | checks | data |",
    "|---|---|---|---|---|---|",
    ...results.map(summaryRow),
    ""
  ];
  for (const result of results) lines.push(...scenarioSection(result));
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

// src/pipeline/upgrade/iris-upgrade-pair.ts
import { mkdtemp as mkdtemp4, rm as rm6, writeFile as writeFile3 } from "node:fs/promises";
import { tmpdir as tmpdir5 } from "node:os";
import { join as join14 } from "node:path";

// src/archive/verify.ts
import { basename as basename4 } from "node:path";
import { performance } from "node:perf_hooks";

// src/archive/archive-hash.ts
import { createHash as createHash5 } from "node:crypto";

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
  const hash = createHash5("sha256");
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
import { createHash as createHash7 } from "node:crypto";

// src/archive/dat-hasher.ts
import { createHash as createHash6 } from "node:crypto";

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
    const acked = new Promise((resolve4, reject) => this.waiting.push({ resolve: resolve4, reject }));
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
    return new Promise((resolve4, reject) => {
      this.digestWaiter = { resolve: resolve4, reject };
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
  hash = createHash6("sha256");
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
  constructor(size, done2) {
    this.done = done2;
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
  constructor(hasher, size, done2) {
    this.hasher = hasher;
    this.size = size;
    this.done = done2;
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
        `entry ${shown} has tar type "${printable2(tar.typeflag)}", which a database package never holds. Rebuild the archive with IPM.`,
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
    const lower = createHash7("sha1").update(path.toLowerCase()).digest("base64");
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
function printable2(flag) {
  return JSON.stringify(flag).slice(1, -1);
}

// src/archive/archive-source.ts
import { constants as constants2 } from "node:fs";
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
    handle = await open(path, constants2.O_RDONLY | constants2.O_NONBLOCK);
  } catch (err) {
    throw unreadable(path, describeOpenError(err), err);
  }
  try {
    const stat14 = await handle.stat();
    if (!stat14.isFile()) throw unreadable(path, stat14.isDirectory() ? "it is a directory" : "it is not a regular file");
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
    return { size: stat14.size, chunks: chunks(), close: () => handle.close().catch(() => void 0) };
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
    this.ended = new Promise((resolve4) => {
      inflate.once("end", () => {
        this.takeOutput();
        this.onDeflateEnd(inflate);
        this.wake?.();
        resolve4();
      });
      inflate.once("error", (err) => {
        this.takeOutput();
        this.inflateError = err;
        this.wake?.();
        resolve4();
      });
      inflate.once("close", () => {
        this.takeOutput();
        this.wake?.();
        resolve4();
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
      await new Promise((resolve4) => {
        this.wake = resolve4;
        inflate.once("drain", resolve4);
      });
      this.wake = null;
      inflate.removeAllListeners("drain");
    }
    if (this.phase !== "body") return;
    if (this.inflateError) return this.reportInflateError();
    while (this.queue.length && this.queueStart + this.queue[0].length <= inflate.bytesWritten) {
      const done2 = this.queue.shift();
      this.queueStart += done2.length;
      this.options.onInputDone?.(done2);
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

// src/naming/reference.ts
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var REGISTRY_HOST = /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;
var MAX_NAME_LENGTH = 255;
function validateRegistryHost(registry) {
  if (!REGISTRY_HOST.test(registry)) {
    throw new UsageError(
      `registry "${registry}" is not a host name with an optional port`,
      "Give the registry as host[:port], e.g. ghcr.io or 127.0.0.1:5000, without a scheme or path."
    );
  }
  return registry;
}
function validatePathComponent(component, what) {
  if (!PATH_COMPONENT.test(component)) {
    throw new UsageError(
      `${what} "${component}" is not a valid repository path component`,
      'Use lower-case letters and digits, separated by single ".", "_", "__" or runs of "-" (no leading or trailing separator).'
    );
  }
  return component;
}
function validateRepository(repository) {
  if (repository.length === 0) throw new UsageError("the repository name is empty");
  for (const component of repository.split("/")) validatePathComponent(component, "repository path component");
  return repository;
}
function validateTag(tag) {
  if (!isTag(tag)) {
    throw new UsageError(
      `tag "${tag}" is not a valid OCI tag`,
      'A tag is 1-128 characters of letters, digits, "_", "." and "-", not starting with "." or "-".'
    );
  }
  return tag;
}
function validateDigest(digest) {
  if (!isDigest(digest)) {
    throw new UsageError(`digest "${digest}" is not a sha256 digest`, 'Expected "sha256:" followed by 64 hex digits.');
  }
  return digest;
}
function parseReference(text, opts = {}) {
  const input = text.trim().replace(/^oci:\/\//, "");
  const at = input.indexOf("@");
  const beforeDigest = at >= 0 ? input.slice(0, at) : input;
  const digest = at >= 0 ? validateDigest(input.slice(at + 1)) : void 0;
  const slash = beforeDigest.indexOf("/");
  if (slash <= 0) {
    throw new UsageError(
      `reference "${text}" has no registry`,
      "Write it as <registry>/<namespace>/<module>[:tag], e.g. ghcr.io/acme/mymodule:1.2.3_database__2026.1."
    );
  }
  const registry = validateRegistryHost(beforeDigest.slice(0, slash));
  let path = beforeDigest.slice(slash + 1);
  let tag;
  const colon = path.lastIndexOf(":");
  if (colon >= 0) {
    tag = validateTag(path.slice(colon + 1));
    path = path.slice(0, colon);
  }
  const repository = validateRepository(path);
  if (`${registry}/${repository}`.length > MAX_NAME_LENGTH) {
    throw new UsageError(`reference "${text}" is longer than ${MAX_NAME_LENGTH} characters`);
  }
  if (opts.requireTagOrDigest && tag === void 0 && digest === void 0) {
    throw new UsageError(`reference "${text}" names no tag or digest`, 'Append ":<tag>" or "@sha256:<digest>".');
  }
  const ref = { registry, repository };
  if (tag !== void 0) ref.tag = tag;
  if (digest !== void 0) ref.digest = digest;
  return ref;
}
function formatReference(ref) {
  return `${ref.registry}/${ref.repository}${ref.tag !== void 0 ? `:${ref.tag}` : ""}${ref.digest !== void 0 ? `@${ref.digest}` : ""}`;
}

// src/naming/ipm.ts
var DATABASE_TAG_SEPARATOR = "_database__";
var DATABASE_TAG = /^(.+)_database__(\d{4}\.\d{1,2})$/;
function checkIrisVersion(irisVersion) {
  if (!isIrisMajorMinor(irisVersion)) {
    throw new IpmDbError("invalid-iris-version", `IRIS version "${irisVersion}" is not a major.minor release`, {
      hint: "The package must name the IRIS release it was built for, e.g. 2026.1 (SystemRequirements/@Version)."
    });
  }
  return irisVersion;
}
function ipmDatabaseTag(version2, irisMajorMinor2) {
  return validateTag(formatDatabaseTag(version2, checkIrisVersion(irisMajorMinor2)));
}
function formatDatabaseTag(version2, irisMajorMinor2) {
  return `${version2.replace(/\+/g, "_")}${DATABASE_TAG_SEPARATOR}${irisMajorMinor2}`;
}
function parseDatabaseTag(tag) {
  const m = DATABASE_TAG.exec(tag);
  return m ? { version: m[1], irisMajorMinor: m[2] } : null;
}
function mentionsDatabaseTag(tag) {
  return tag.includes(DATABASE_TAG_SEPARATOR);
}
function ipmRepositoryPath(namespace, moduleName2) {
  const parts = namespace.toLowerCase().split("/").filter((p) => p.length > 0).map((p) => validatePathComponent(p, "namespace component"));
  if (parts.length === 0) {
    throw new IpmDbError("invalid-namespace", "the namespace is empty", {
      hint: "Give registry-namespace (--registry-namespace) the registry owner, e.g. your GitHub organisation or user name in lower case."
    });
  }
  const module = validatePathComponent(moduleName2.toLowerCase(), "module name (lower-cased)");
  return [...parts, module].join("/");
}
function ipmArchiveFileName(moduleName2, version2) {
  return `${moduleName2}-${version2}-database.tgz`;
}
function isIpmArchiveFileName(fileName) {
  return /-database\.tgz$/i.test(fileName);
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
function checkPackage(collected, fileName, expected, complete2, findings) {
  checkIrisDat(collected, complete2, findings);
  const module = checkModuleXml(collected, expected, complete2, findings);
  const checksum = checkChecksum(collected, module, findings);
  const dependencies = checkDependencies(collected, module, complete2, findings);
  if (module) checkFileName(fileName, module, findings);
  const builtWithTestResources = module ? judgeTestResources(collected, module, findings) : null;
  return { module: module?.report ?? null, checksum, dependencies, builtWithTestResources };
}
function reportMissing(collected, complete2, findings, name, wrongKind, what) {
  const code = name === "IRIS.DAT" ? "iris-dat-missing" : "module-xml-missing";
  if (wrongKind) {
    findings.add(code, `${name} is a ${wrongKind}, expected a regular file (${what}).`, name);
  } else if (complete2 && !collected.entries.some((e) => e.path === name && e.role !== "rejected")) {
    findings.add(
      code,
      `the archive has no ${name}; a database package must hold ${what} at its top level.${nestedHint(collected, name)}`
    );
  }
}
function checkIrisDat(collected, complete2, findings) {
  const dat = collected.irisDat;
  if (!dat) {
    reportMissing(collected, complete2, findings, "IRIS.DAT", collected.irisDatWrongKind, "the routines database");
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
function checkModuleXml(collected, expected, complete2, findings) {
  const entry = collected.moduleXml;
  if (!entry) {
    reportMissing(
      collected,
      complete2,
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
function checkDependencies(collected, module, complete2, findings) {
  if (collected.deps === "file") {
    findings.add(
      "deps-missing",
      '"deps" is not a directory; IPM requires a deps/ directory (possibly empty) holding one <dependency>.xml per dependency.',
      "deps"
    );
  } else if (collected.deps === null && complete2) {
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
    if (collected.deps === "directory" || complete2) {
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
  const { name, version: version2 } = module.report;
  if (!name || !version2) return;
  const expectedName = ipmArchiveFileName(name, version2);
  if (!isIpmArchiveFileName(fileName)) {
    findings.add(
      "file-name-nonstandard",
      `the file name "${fileName}" does not follow IPM's <name>-<version>-database.tgz pattern (for this module: "${expectedName}").`
    );
  } else if (fileName.toLowerCase() !== expectedName.toLowerCase()) {
    findings.add(
      "file-name-mismatch",
      `the file name "${fileName}" follows IPM's pattern but module.xml says "${name}" version "${version2}" (expected "${expectedName}"). The file was renamed or holds another module: check which it is.`
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
    const base2 = clean.split("/").pop();
    return paths.some((p) => p === clean || p.startsWith(`${clean}/`) || p === base2 || p.endsWith(`/${base2}`));
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
      { path, fileName: basename4(path) },
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

// src/pipeline/upgrade/driver-binding.ts
import { mkdtemp as mkdtemp2, rm as rm4 } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join12 } from "node:path";
var DURABLE_MOUNT = "/durable";
async function runUpgradeLines(sessions, namespace, lines, doing, timeoutMs) {
  const result = await sessions.run({
    namespace,
    operations: lines.map((text) => ({ kind: "surfaceLine", text })),
    timeoutMs,
    purpose: doing
  });
  return { results: result.results, raw: result.raw };
}
function irisOf(ctx, current, homeNamespace) {
  const timeoutMs = ctx.options.timeouts?.shortMs ?? 3e5;
  return {
    createNamespace: () => newPackageNamespace(ctx, current().target, homeNamespace, "UPG"),
    run: (namespace, lines, doing) => runUpgradeLines(current().target.sessions, namespace, lines, doing, timeoutMs),
    loadModule: async (namespace, hostDir) => {
      await current().ops.loadModule(namespace, hostDir);
    },
    loadPackage: (namespace, hostTgz) => current().ops.loadPackage(namespace, hostTgz),
    updateModule: (namespace, moduleName2, hostTgz) => current().ops.updateModule(namespace, moduleName2, hostTgz)
  };
}
function startOnVolume(ctx, runId, volume, image, checkCapsFalse) {
  return startPipelineIris(ctx, runId, {
    ...image ? { image } : {},
    ...checkCapsFalse !== void 0 ? { checkCapsFalse } : {},
    // No network: the pipeline's own IRIS may already hold the host's IRIS ports, and these
    // containers need none (packages are copied in, previous releases pulled on the host).
    network: "none",
    mounts: [{ source: volume, target: DURABLE_MOUNT }],
    env: { ISC_DATA_DIRECTORY: `${DURABLE_MOUNT}/iris` }
  });
}
async function startDurable(ctx, image) {
  const setup = ctx.setup;
  if (!setup) throw new IpmDbError("pipeline-order", "Internal: IPM is not set up; the ipm stage did not run.");
  const suffix = ctx.nextPostfix("D").toLowerCase();
  const volume = `ipm-db-${ctx.runId}-${suffix}`;
  ctx.options.onResource?.({ kind: "volume", name: volume });
  await ctx.docker.check("docker-volume-failed", "docker volume create", [
    "volume",
    "create",
    "--label",
    `${RUN_LABEL}=${ctx.runId}`,
    volume
  ]);
  await ctx.docker.check(
    "docker-volume-failed",
    "Giving the durable volume to irisowner",
    [
      "run",
      "--rm",
      "--network",
      "none",
      "--user",
      "root",
      "--label",
      `${RUN_LABEL}=${ctx.runId}`,
      "--mount",
      `type=volume,source=${volume},target=${DURABLE_MOUNT}`,
      "--entrypoint",
      "/bin/sh",
      image ?? ctx.options.image,
      "-c",
      `command -v chown >/dev/null 2>&1 || exit 0; chown irisowner ${DURABLE_MOUNT}`
    ],
    { timeoutMs: 12e4 }
  );
  const runIds = [`${ctx.runId}-${suffix}a`, `${ctx.runId}-${suffix}b`];
  let generation = 0;
  let parts = null;
  const dispose = async () => {
    for (const runId of runIds) await removeRun(ctx.docker, runId).catch(() => void 0);
    await ctx.docker.call(["volume", "rm", "-f", volume], { timeoutMs: 6e4 }).catch(() => void 0);
  };
  try {
    const warm = image === void 0 ? await warmImageForScenarios(ctx) : await warmImageOf(ctx, image);
    const first = warm ? await startOnVolume(ctx, runIds[0], volume, warm, needsCheckCapsFalse(image ?? ctx.options.image)) : await startOnVolume(ctx, runIds[0], volume, image);
    parts = first;
    await setUpScenarioIpm(ctx, first, warm !== null, setup.installedFrom, setup.homeNamespace);
  } catch (err) {
    await dispose();
    throw err;
  }
  const current = () => parts;
  return {
    ...irisOf(ctx, current, setup.homeNamespace),
    async replace(nextImage) {
      const old = current().container;
      await ctx.docker.check("docker-stop-failed", `Stopping ${old.name}`, ["stop", "-t", "120", old.name], {
        timeoutMs: 18e4
      });
      await removeRun(ctx.docker, runIds[generation]);
      generation++;
      parts = await startOnVolume(ctx, runIds[generation], volume, nextImage ?? image);
    },
    dispose
  };
}
function driverUpgradeEnvironment(ctx, pull) {
  const { container, target, ops, setup } = ctx;
  if (!container || !target || !ops || !setup) {
    throw new IpmDbError("pipeline-order", "Internal: the container is not ready; an earlier stage did not run.");
  }
  return {
    iris: irisOf(ctx, () => ({ container, target, ops }), setup.homeNamespace),
    startDurable: (image) => startDurable(ctx, image),
    reserveContainer: () => {
      const slots = ctx.options.containerSlots;
      return slots?.tryAcquire() ? () => slots.release() : null;
    },
    pull,
    tempDir: () => mkdtemp2(join12(tmpdir3(), "ipm-db-previous-")),
    removeTempDir: (dir) => rm4(dir, { recursive: true, force: true })
  };
}

// src/pipeline/upgrade/parse.ts
function values2(output, key2) {
  return output.results.filter((line) => line.key === key2).map((line) => line.value);
}
function ipmdbLines(output) {
  return output.results;
}
function reportedErrors(output) {
  return guardedErrors(output);
}
function throwOnReportedErrors(output, doing) {
  throwOnGuardedError(output, doing, "upgrade-objectscript");
}
function parseGlobalNames(output) {
  const names = values2(output, "gname").map((name) => name.startsWith("^") ? name : `^${name}`);
  return [...new Set(names)].sort();
}
function parseFingerprints(output) {
  const result = [];
  let nodes = {};
  for (const { key: key2, value } of output.results) {
    if (key2 === "node") {
      const bar = value.lastIndexOf("|");
      if (bar > 0) nodes[value.slice(0, bar)] = value.slice(bar + 1);
    } else if (key2 === "global") {
      const [name, count, hash, extra] = value.split("|");
      const nodeCount = Number(count);
      if (!name || extra !== void 0 || hash === void 0 || !Number.isInteger(nodeCount) || nodeCount < 0) {
        throw new IpmDbError("upgrade-parse", `unreadable fingerprint line "##IPMDB global=${value}"`);
      }
      result.push({ name, nodes: nodeCount, hash, nodeHashes: nodes });
      nodes = {};
    }
  }
  return result;
}
function parseModuleState2(output) {
  return parseModuleState(output);
}
function parseUpdateSteps(output) {
  return values2(output, "step").map((value) => {
    const fields = value.split("|");
    if (fields.length !== 6 || fields[0] !== "any" && fields[0] !== "primary") {
      throw new IpmDbError("upgrade-parse", `unreadable update-step line "##IPMDB step=${value}"`);
    }
    const [kind, className, methodName, timeStampStart, timeStampEnd, ok] = fields;
    return {
      className,
      methodName,
      primaryOnly: kind === "primary",
      timeStampStart,
      timeStampEnd,
      statusOk: ok === "1"
    };
  });
}
function parseExpectedSteps(output) {
  const steps = [];
  for (const value of values2(output, "expected")) {
    const [className, ordered, primaryOnly, extra] = value.split("|");
    for (const list2 of [ordered, primaryOnly]) {
      let methods;
      try {
        methods = JSON.parse(list2 ?? "");
      } catch {
        methods = null;
      }
      if (extra !== void 0 || !Array.isArray(methods) || !methods.every((m) => typeof m === "string")) {
        throw new IpmDbError(
          "upgrade-parse",
          `step class ${className}: GetOrderedMethods did not return a JSON array of names ("${value}")`
        );
      }
      for (const method of methods) steps.push(`${className}:${method}`);
    }
  }
  return steps;
}
function parseSeeded(output) {
  return values2(output, "seeded");
}
function parseChecks(output) {
  return values2(output, "check").map((value) => {
    const bar = value.indexOf("|");
    const returned = bar < 0 ? "" : value.slice(bar + 1);
    return { check: bar < 0 ? value : value.slice(0, bar), returned, ok: returned === "1" };
  });
}
function parseFileExists(output) {
  const result = {};
  for (const value of values2(output, "exists")) {
    const bar = value.lastIndexOf("|");
    result[value.slice(0, bar)] = value.slice(bar + 1) === "1";
  }
  return result;
}

// src/pipeline/upgrade/fingerprint.ts
var DEFAULT_EXCLUDED_GLOBALS = [
  "^IPM.*",
  "^%*",
  "^IRIS.*",
  "^ISC.*",
  "^CacheTemp*",
  "^UnitTest*",
  "^ERRORS",
  "^SPOOL",
  "^odd*",
  "^rOBJ",
  "^rMAC",
  "^rINC",
  "^rINDEX*",
  "^ROUTINE"
];
var PATTERN = /^\^%?[A-Za-z0-9.]*\*?$/;
function assertGlobalPattern(pattern) {
  if (!PATTERN.test(pattern) || pattern === "^" || pattern === "^*" || !pattern.endsWith("*") && !/^\^%?[A-Za-z]/.test(pattern)) {
    throw new UsageError(
      `"${pattern}" is not a global name or pattern`,
      "Write ^Name for one global or ^Prefix* for all globals starting with Prefix, e.g. ^MyApp.*"
    );
  }
  return pattern;
}
function matchesGlobal(pattern, name) {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}
function selectGlobals(present, selection) {
  selection.include.forEach(assertGlobalPattern);
  selection.exclude.forEach(assertGlobalPattern);
  const included = (name) => selection.include.length === 0 || selection.include.some((p) => matchesGlobal(p, name));
  const excluded = (name) => selection.exclude.some((p) => matchesGlobal(p, name));
  const exact = selection.include.filter((p) => !p.endsWith("*"));
  return [.../* @__PURE__ */ new Set([...present.filter(included), ...exact])].filter((name) => !excluded(name)).sort();
}
function toDataFingerprint(globals) {
  return { globals: Object.fromEntries(globals.map((g) => [g.name, g])) };
}
var ABSENT = (name) => ({ name, nodes: 0, hash: "", nodeHashes: {} });
function complete(g) {
  return Object.keys(g.nodeHashes).length === g.nodes;
}
function nodeChanges(before, after) {
  if (!complete(before) || !complete(after)) return null;
  const changes = [];
  for (const [node, hash] of Object.entries(before.nodeHashes)) {
    const now = after.nodeHashes[node];
    if (now === void 0) changes.push({ kind: "removed", node });
    else if (now !== hash) changes.push({ kind: "changed", node });
  }
  for (const node of Object.keys(after.nodeHashes)) {
    if (!(node in before.nodeHashes)) changes.push({ kind: "added", node });
  }
  return changes;
}
function diffFingerprints(before, after) {
  const names = [.../* @__PURE__ */ new Set([...Object.keys(before.globals), ...Object.keys(after.globals)])].sort();
  const changes = [];
  for (const name of names) {
    const b = before.globals[name] ?? ABSENT(name);
    const a = after.globals[name] ?? ABSENT(name);
    if (b.nodes === a.nodes && b.hash === a.hash) continue;
    changes.push({
      global: name,
      kind: b.nodes === 0 ? "added" : a.nodes === 0 ? "removed" : "changed",
      nodesBefore: b.nodes,
      nodesAfter: a.nodes,
      hashBefore: b.hash,
      hashAfter: a.hash,
      nodeChanges: nodeChanges(b, a),
      declaredBy: []
    });
  }
  return changes;
}

// src/pipeline/upgrade/objectscript.ts
var GLOBAL_NAME = /^\^%?[A-Za-z][A-Za-z0-9.]*$/;
var CLASS_NAME = /^%?[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;
var METHOD_NAME = /^%?[A-Za-z][A-Za-z0-9]*$/;
var DEFAULT_NODE_LIMIT = 500;
function quote2(value) {
  if (hasControlCharacter(value)) {
    throw new UsageError(`value ${JSON.stringify(value)} contains a control character and cannot be sent to IRIS`);
  }
  return quote(value);
}
function assertGlobalName(name) {
  if (!GLOBAL_NAME.test(name)) {
    throw new UsageError(
      `"${name}" is not a global name`,
      "Write globals as ^Name (letters, digits and dots), e.g. ^MyApp.DataD; patterns may end in *."
    );
  }
  return name;
}
function parseClassMethod(text, what) {
  const [className, methodName, extra] = text.trim().split(":");
  if (extra !== void 0 || !className || !methodName || !CLASS_NAME.test(className) || !METHOD_NAME.test(methodName)) {
    throw new UsageError(
      `${what} "${text}" is not of the form Package.Class:Method`,
      "Name a class method with its full class name, e.g. MyApp.Checks:OrdersKept."
    );
  }
  return { className, methodName };
}
function formatClassMethod(ref) {
  return `${ref.className}:${ref.methodName}`;
}
function assertClassName(name, what) {
  if (!CLASS_NAME.test(name)) throw new UsageError(`${what} "${name}" is not a class or package name`);
  return name;
}
var guarded = guardedLine;
function listGlobalsLine() {
  return guarded("list globals", 'set g="" for { set g=$order(^$GLOBAL(g)) quit:g=""  write "##IPMDB gname=",g,! }');
}
function fingerprintGlobalLine(name, nodeLimit = DEFAULT_NODE_LIMIT) {
  assertGlobalName(name);
  if (!Number.isInteger(nodeLimit) || nodeLimit < 0)
    throw new UsageError(`node limit must be a whole number >= 0, not ${nodeLimit}`);
  const b64 = "$system.Encryption.Base64Encode";
  const sha1 = "$system.Encryption.SHA1Hash";
  return guarded(
    `fingerprint ${name}`,
    `set g=${quote2(name)},n=0,h="",r=g,d=$data(@g)#2 for { if 'd { set r=$query(@r) quit:r="" } set d=0,v=$zconvert(@r,"O","UTF8"),n=n+1,h=${sha1}(h_$zconvert(r,"O","UTF8")_$c(0)_v) write:n'>${nodeLimit} "##IPMDB node=",r,"|",${b64}(${sha1}(v)),! } write "##IPMDB global=",g,"|",n,"|",${b64}(h),!`
  );
}
var STEP_TABLES = [
  ["any", "%IPM_Storage_UpdateStep.AnyMember"],
  ["primary", "%IPM_Storage_UpdateStep.PrimaryOnly"]
];
function updateStepLines() {
  return STEP_TABLES.map(
    ([kind, table]) => guarded(
      `update steps ${table}`,
      `set rs=##class(%SQL.Statement).%ExecDirect(,"SELECT ClassName,MethodName,TimeStampStart,TimeStampEnd,Status FROM ${table}") if rs.%SQLCODE<0 { write "##IPMDB error=",${quote2(table)},"|",rs.%Message,! } while rs.%Next() { write "##IPMDB step=${kind}|",rs.%Get("ClassName"),"|",rs.%Get("MethodName"),"|",rs.%Get("TimeStampStart"),"|",rs.%Get("TimeStampEnd"),"|",$system.Status.IsOK(rs.%Get("Status")),! }`
    )
  );
}
function expectedStepsLine(updatePackage) {
  const json = (v) => `$select($isobject(${v}):${v}.%ToJSON(),1:"[]")`;
  return guarded(
    `update package ${updatePackage}`,
    `kill l do ##class(%IPM.General.Update.VersionBase).GetUpdatePackageClassList(${quote2(assertClassName(updatePackage, "UpdatePackage"))},.l) set k="" for { set k=$order(l(k)) quit:k=""  set a=$select($system.CLS.IsMthd(l(k),"GetOrderedMethods"):$classmethod(l(k),"GetOrderedMethods"),1:""),p=$select($system.CLS.IsMthd(l(k),"GetOrderedMethodsPrimaryOnly"):$classmethod(l(k),"GetOrderedMethodsPrimaryOnly"),1:"") write "##IPMDB expected=",l(k),"|",${json("a")},"|",${json("p")},! }`
  );
}
function seedLine(ref) {
  const name = formatClassMethod(ref);
  return guarded(name, `do ##class(${ref.className}).${ref.methodName}() write "##IPMDB seeded=",${quote2(name)},!`);
}
function checkLine(ref) {
  const name = formatClassMethod(ref);
  return guarded(
    name,
    `set r=##class(${ref.className}).${ref.methodName}() write "##IPMDB check=",${quote2(name)},"|",r,!`
  );
}
function fileExistsLine(path) {
  return `write "##IPMDB exists=",${quote2(path)},"|",##class(%Library.File).Exists(${quote2(path)}),!`;
}

// src/pipeline/upgrade/declared.ts
function parseDeclaredChanges(text) {
  const entries = text.split(/[;\n]/).map((entry) => entry.trim()).filter((entry) => entry !== "" && !entry.startsWith("#"));
  return entries.map((entry) => {
    const eq = entry.indexOf("=");
    if (eq < 0) {
      throw new UsageError(
        `declared change "${entry}" has no "="`,
        'Write Class:Method=^Global1,^Global2 (one entry per line or separated by ";").'
      );
    }
    const step = entry.slice(0, eq).trim();
    if (step.endsWith(":*")) assertClassName(step.slice(0, -2), "declared-change step class");
    else parseClassMethod(step, "declared-change step");
    const globals = entry.slice(eq + 1).split(",").map((g) => g.trim()).filter((g) => g !== "");
    if (globals.length === 0) throw new UsageError(`declared change "${entry}" names no global`);
    globals.forEach(assertGlobalPattern);
    return { step, globals };
  });
}
function declares(declaration, step, global) {
  const stepMatches = declaration.step.endsWith(":*") ? step.startsWith(declaration.step.slice(0, -1)) : declaration.step === step;
  return stepMatches && declaration.globals.some((pattern) => matchesGlobal(pattern, global));
}
function attributeChanges(changes, stepsThatRan2, declarations) {
  return changes.map((change) => ({
    ...change,
    declaredBy: stepsThatRan2.filter((step) => declarations.some((d) => declares(d, step, change.global)))
  }));
}
function undeclaredChangeProblems(changes) {
  return changes.filter((change) => change.declaredBy.length === 0).map((change) => {
    const what = change.kind === "removed" ? `disappeared (${change.nodesBefore} nodes before)` : change.kind === "added" ? `appeared (${change.nodesAfter} nodes)` : `changed (${change.nodesBefore} -> ${change.nodesAfter} nodes)`;
    const nodes = change.nodeChanges && change.nodeChanges.length > 0 ? `: ${change.nodeChanges.slice(0, 5).map((n) => `${n.kind} ${n.node}`).join(", ")}${change.nodeChanges.length > 5 ? `, and ${change.nodeChanges.length - 5} more` : ""}` : "";
    return `${change.global} ${what} but no update step that ran declared it${nodes}`;
  });
}

// src/pipeline/upgrade/git-source.ts
import { mkdtemp as mkdtemp3, rm as rm5, stat as stat8 } from "node:fs/promises";
import { tmpdir as tmpdir4 } from "node:os";
import { join as join13, relative as relative2, sep as sep3 } from "node:path";
var GIT_TIMEOUT_MS = 12e4;
var GIT_SOURCE_PREFIX = "git:";
function gitRevision(source) {
  if (!source.startsWith(GIT_SOURCE_PREFIX)) return null;
  const rev = source.slice(GIT_SOURCE_PREFIX.length);
  if (!/^[A-Za-z0-9_][A-Za-z0-9._/^~-]*$/.test(rev) || rev.includes("..")) {
    throw new UsageError(`"${source}" does not name a git revision`, "Write git:<tag or commit>, e.g. git:v1.0.0.");
  }
  return rev;
}
async function run(command, cwd, args) {
  const result = await runCommand(command, args, { cwd, timeoutMs: GIT_TIMEOUT_MS });
  if (result.exitCode === 0 && !result.timedOut) return result.stdout.trim();
  const why = result.timedOut ? `did not finish within ${formatDuration(GIT_TIMEOUT_MS)}` : `exit ${result.exitCode}`;
  throw new IpmDbError(
    "upgrade-git-source",
    `${command} ${args.join(" ")} failed in ${cwd}: ${result.stderr.trim() || why}`
  );
}
var git = (cwd, args) => run("git", cwd, args);
async function exportModuleAt(moduleDir, revision) {
  const top = await git(moduleDir, ["rev-parse", "--show-toplevel"]);
  const path = relative2(top, moduleDir).split(sep3).join("/") || ".";
  await git(top, ["rev-parse", "--verify", "--quiet", `${revision}^{commit}`]).catch(() => {
    throw new IpmDbError("upgrade-git-source", `git revision "${revision}" does not exist in ${top}`, {
      hint: "Fetch tags first (actions/checkout with fetch-depth: 0), or give the previous release another way."
    });
  });
  const dest = await mkdtemp3(join13(tmpdir4(), "ipm-db-previous-source-"));
  const remove = () => rm5(dest, { recursive: true, force: true });
  try {
    const archive = join13(dest, "export.tar");
    await git(top, ["archive", "--format=tar", `--output=${archive}`, revision, "--", path]);
    await run("tar", dest, ["-xf", archive, "-C", dest]);
    await rm5(archive);
    const dir = join13(dest, path);
    if (!await stat8(join13(dir, "module.xml")).catch(() => null)) {
      throw new IpmDbError("upgrade-git-source", `${path}/module.xml does not exist at ${revision}`);
    }
    await checkModuleTree(dir, { repositoryRoot: dest, origin: `${path} at git:${revision}` });
    return { dir, remove };
  } catch (error2) {
    await remove();
    throw error2;
  }
}

// src/pipeline/upgrade/results.ts
var UPGRADE_SCENARIOS = ["database", "source", "fresh", "container-replacement"];
var IRIS_UPGRADE = "iris-upgrade";
var IRIS_UPGRADE_REPORT_SCHEMA = "ipm-db/iris-upgrade-report@1";

// src/pipeline/upgrade/settings.ts
var UPGRADE_FIELDS = [
  "upgrade-from",
  "upgrade-source",
  "upgrade-scenarios",
  "seed-methods",
  "check-methods",
  "declared-changes",
  "upgrade-globals",
  "upgrade-exclude-globals"
];
function list(text) {
  return (text ?? "").split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}
function optional(text) {
  const value = (text ?? "").trim();
  return value === "" ? null : value;
}
function givenFields(text) {
  return UPGRADE_FIELDS.filter((f) => optional(text[f]) !== null);
}
function readUpgradeOptions(text, context = {}) {
  const name = context.name ?? ((f) => f);
  const problems = [];
  const problem = (field, err) => problems.push({
    field,
    message: err instanceof IpmDbError && err.hint ? `${err.message}. ${err.hint}` : errorMessage(err)
  });
  const attempt = (field, fn) => {
    try {
      return fn();
    } catch (err) {
      problem(field, err);
      return null;
    }
  };
  const resolvePath = context.resolvePath ?? ((path) => path);
  const fromRaw = optional(text["upgrade-from"]);
  const sourceRaw = optional(text["upgrade-source"]);
  const scenariosRaw = optional(text["upgrade-scenarios"]);
  if (fromRaw === null && sourceRaw === null && scenariosRaw === null) {
    for (const field of givenFields(text))
      problems.push({
        field,
        message: `is set but no upgrade runs; add ${name("upgrade-from")}, ${name("upgrade-source")} or ${name("upgrade-scenarios")}.`
      });
    return { options: null, problems };
  }
  const previous = {
    version: null,
    packagePath: null,
    pullFrom: null,
    reference: null,
    sourceDir: null
  };
  const from = fromRaw === null ? null : attempt("upgrade-from", () => classifyUpgradeFrom(fromRaw));
  if (from?.kind === "archive") previous.packagePath = resolvePath(from.path, "upgrade-from");
  if (from?.kind === "reference" && from.reference.includes("@"))
    problems.push({
      field: "upgrade-from",
      message: `previous reference "${from.reference}" has no tag. Write <registry>/<namespace>/<module>:<version>_database__<X.Y>.`
    });
  else if (from?.kind === "reference") {
    previous.reference = from.reference;
    const named = parseDatabaseTag(parseReference(from.reference).tag ?? "")?.version;
    previous.version = named !== void 0 && isPlainVersion(named) ? named : null;
  }
  if (from?.kind === "version") {
    if (!isPlainVersion(from.version))
      problems.push({
        field: "upgrade-from",
        message: `previous version "${from.version}" is not MAJOR.MINOR.PATCH. IPM rebuilds database package versions as major.minor.patch; give the plain version, e.g. 1.0.0.`
      });
    else if (!context.pullFrom)
      problems.push({
        field: "upgrade-from",
        message: `"${from.version}" is a version, but there is no repository to pull it from. Name the registry namespace it was published to, or give a full reference or a .tgz path.`
      });
    else {
      previous.version = from.version;
      previous.pullFrom = context.pullFrom;
    }
  }
  if (sourceRaw !== null && attempt("upgrade-source", () => (gitRevision(sourceRaw), true)))
    previous.sourceDir = sourceRaw.startsWith("git:") ? sourceRaw : resolvePath(sourceRaw, "upgrade-source");
  const seed = list(text["seed-methods"]).map((s) => attempt("seed-methods", () => parseClassMethod(s, "seed method")));
  const checks = list(text["check-methods"]).map(
    (s) => attempt("check-methods", () => parseClassMethod(s, "check method"))
  );
  const declared = attempt("declared-changes", () => parseDeclaredChanges(text["declared-changes"] ?? ""));
  const scenarios = problems.length === 0 ? attempt("upgrade-scenarios", () => selectScenarios(scenariosRaw, previous)) : null;
  if (problems.length > 0 || scenarios === null || declared === null) return { options: null, problems };
  const exclude = optional(text["upgrade-exclude-globals"]);
  return {
    options: {
      scenarios: scenarios.perVersion,
      irisUpgrade: scenarios.irisUpgrade,
      previous,
      seed,
      checks,
      globals: {
        include: list(text["upgrade-globals"]),
        exclude: exclude === null ? [...DEFAULT_EXCLUDED_GLOBALS] : list(exclude)
      },
      declared,
      nodeLimit: DEFAULT_NODE_LIMIT
    },
    problems
  };
}
function selectScenarios(raw, previous) {
  const requested = list(raw ?? "");
  const all = requested.length === 0 || requested.length === 1 && requested[0] === "all";
  for (const name of all ? [] : requested) {
    if (name !== IRIS_UPGRADE && !UPGRADE_SCENARIOS.includes(name)) {
      throw new UsageError(
        `unknown upgrade scenario "${name}"`,
        `Choose from ${[...UPGRADE_SCENARIOS, IRIS_UPGRADE].join(", ")} (or all).`
      );
    }
  }
  const scenarios = all ? UPGRADE_SCENARIOS.filter((s) => missingInputs(s, previous) === null) : UPGRADE_SCENARIOS.filter((s) => requested.includes(s));
  for (const scenario of scenarios) {
    const missing = missingInputs(scenario, previous);
    if (missing) throw new UsageError(`upgrade scenario "${scenario}" needs ${missing}`);
  }
  return { perVersion: scenarios, irisUpgrade: irisUpgradeRequested(raw ?? "") };
}
function irisUpgradeRequested(scenarios) {
  const requested = list(scenarios);
  return requested.length === 0 || requested.length === 1 && requested[0] === "all" || requested.includes(IRIS_UPGRADE);
}
function defaultUpgradeOptions() {
  return {
    scenarios: [],
    irisUpgrade: true,
    previous: { version: null, packagePath: null, pullFrom: null, reference: null, sourceDir: null },
    seed: [],
    checks: [],
    globals: { include: [], exclude: [...DEFAULT_EXCLUDED_GLOBALS] },
    declared: [],
    nodeLimit: DEFAULT_NODE_LIMIT
  };
}
function missingInputs(scenario, previous) {
  const hasPackage = previous.packagePath !== null || previous.pullFrom !== null || previous.reference !== null;
  switch (scenario) {
    case "fresh":
      return null;
    case "database":
      return hasPackage ? null : "the previous release as a database package: a package path, a reference, or a repository and version to pull";
    case "source":
      return previous.sourceDir !== null ? null : "the previous release as source: its module directory";
    case "container-replacement":
      return hasPackage || previous.sourceDir !== null ? null : "the previous release: a database package (path or repository and version) or its source directory";
  }
}
function previousReference(pullFrom, moduleName2, version2, irisMajorMinor2) {
  return `${pullFrom.registry.replace(/\/+$/, "")}/${ipmRepositoryPath(pullFrom.namespace, moduleName2)}:${ipmDatabaseTag(version2, irisMajorMinor2)}`;
}
function classifyUpgradeFrom(raw) {
  const value = raw.trim();
  if (/\.tgz$/i.test(value)) return { kind: "archive", path: value };
  if (isSemver(value)) return { kind: "version", version: value };
  const reference = referenceOrNull(value);
  if (reference && (reference.tag !== void 0 || reference.digest !== void 0))
    return { kind: "reference", reference: value };
  if (reference)
    throw new UsageError(
      `upgrade-from "${value}" has no tag`,
      "Give the full reference, <registry>/<namespace>/<module>:<version>_database__<IRIS major.minor>, or just the version."
    );
  throw new UsageError(
    `upgrade-from "${value}" is neither a .tgz path, a version (1.2.3) nor a reference (ghcr.io/owner/module:1.2.3_database__2026.1)`,
    "Give the previous release as one of those three forms."
  );
}
function referenceOrNull(text) {
  try {
    return parseReference(text);
  } catch {
    return null;
  }
}

// src/pipeline/upgrade/class-drift.ts
function routinesClassesLine() {
  const xdata = '##class(%Dictionary.XDataDefinition).%OpenId(c_"||ProductionDefinition")';
  return `try { set d="^"_##class(%SYS.Namespace).GetRoutineDest(),c="" for { set c=$order(^|d|oddDEF(c)) quit:c=""  set k=##class(%Dictionary.ClassDefinition).%OpenId(c),x=${xdata} write "##IPMDB classdef=",c,"|",$select($isobject(k):k.TimeChanged,1:""),"|",$select($isobject(x):$system.Encryption.Base64Encode($zconvert(x.Data.Read(3000000),"O","UTF8"),1),1:""),! } } catch e { write "##IPMDB error=routines database classes|",e.DisplayString(),! }`;
}
function parseClassStates(output) {
  const states = /* @__PURE__ */ new Map();
  for (const { key: key2, value } of ipmdbLines(output)) {
    if (key2 !== "classdef") continue;
    const [className, timeChanged, production] = value.split("|");
    if (!className || className.startsWith("%")) continue;
    states.set(className, {
      timeChanged: timeChanged ?? "",
      production: production ? Buffer.from(production, "base64").toString("utf8") : null
    });
  }
  return states;
}
function decode2(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
function attributes(tag) {
  const out = {};
  for (const m of tag.matchAll(/([A-Za-z][\w.-]*)\s*=\s*"([^"]*)"/g)) out[m[1]] = decode2(m[2]);
  return out;
}
function productionSettings(xml) {
  const settings = /* @__PURE__ */ new Map();
  const setting = (scope, body) => {
    for (const m of body.matchAll(/<Setting\b([^>]*)>([\s\S]*?)<\/Setting>/g)) {
      const a = attributes(m[1]);
      settings.set(`${scope} ${a.Target ?? ""} ${a.Name ?? ""}`.replace(/\s+/g, " "), decode2(m[2]));
    }
  };
  const production = /<Production\b([^>]*)>/.exec(xml);
  for (const [k, v] of Object.entries(attributes(production?.[1] ?? ""))) settings.set(`production @${k}`, v);
  const items = [...xml.matchAll(/<Item\b([^>]*?)(?:\/>|>([\s\S]*?)<\/Item>)/g)];
  let outside = xml;
  for (const item of items) {
    outside = outside.replace(item[0], "");
    const a = attributes(item[1]);
    const name = a.Name ?? "?";
    for (const [k, v] of Object.entries(a)) if (k !== "Name") settings.set(`${name} @${k}`, v);
    setting(name, item[2] ?? "");
  }
  setting("production", outside);
  for (const m of outside.matchAll(/<(ActorPoolSize|Description)>([\s\S]*?)<\/\1>/g))
    settings.set(`production ${m[1]}`, decode2(m[2]));
  return settings;
}
function settingDifferences(atInstall, now) {
  const before = productionSettings(atInstall);
  const after = productionSettings(now);
  const keys = [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys()])].sort();
  const show = (v) => v === void 0 ? "(none)" : JSON.stringify(v);
  return keys.filter((k) => before.get(k) !== after.get(k)).map((k) => `${k}: ${show(before.get(k))} -> ${show(after.get(k))}`);
}
function changedClasses(atInstall, beforeSwap) {
  const changed = [];
  for (const [className, now] of [...beforeSwap].sort(([a], [b]) => a.localeCompare(b))) {
    const then = atInstall.get(className);
    if (!then || then.timeChanged === now.timeChanged && then.production === now.production) continue;
    changed.push({
      className,
      timeChangedAtInstall: then.timeChanged,
      timeChangedBeforeSwap: now.timeChanged,
      settings: then.production !== null && now.production !== null ? settingDifferences(then.production, now.production) : []
    });
  }
  return changed;
}
var CLASS_DRIFT_HINT = "Settings a site changes belong in the data database: move them to interoperability System Default Settings (Ens.Config.DefaultSettings; a production setting left empty in the class takes its default from there).";
function changedClassProblems(changed) {
  return changed.map(
    (c) => c.settings.length > 0 ? `production ${c.className} was changed after install (${c.settings.join("; ")}); the swap replaces it with the package's definition and these settings are lost. ${CLASS_DRIFT_HINT}` : `class ${c.className} was changed after install (TimeChanged ${c.timeChangedAtInstall} -> ${c.timeChangedBeforeSwap}); the swap replaces it with the package's definition and the change is lost. ${CLASS_DRIFT_HINT}`
  );
}

// src/pipeline/upgrade/swap-loss.ts
var CODE_GLOBALS = ["^odd*", "^rINDEX*", "^rOBJ", "^rMAC", "^rINC", "^rMAP", "^ROUTINE"];
var BOOKKEEPING_GLOBALS = ["^IPM.*", "^%*", "^IRIS.*", "^ISC.*", "^CacheTemp*"];
var SWAP_LOSS_SAMPLE = 5;
var ROUTINES_ENV = 'set d="^"_##class(%SYS.Namespace).GetRoutineDest()';
function routinesGlobalsLine() {
  return `try { ${ROUTINES_ENV},g="" write "##IPMDB rdb=",$piece(d,"^",3),! for { set g=$order(^$|d|GLOBAL(g)) quit:g=""  write "##IPMDB rglobal=",g,! } } catch e { write "##IPMDB error=routines database globals|",e.DisplayString(),! }`;
}
function routinesGlobalNodesLine(name, sample = SWAP_LOSS_SAMPLE) {
  assertGlobalName(name);
  const bare = name.slice(1);
  return `try { ${ROUTINES_ENV},r=${quote2('^|"')}_d_${quote2(`"|${bare}`)},n=0,t=$data(@r)#2 for { if 't { set r=$query(@r) quit:r="" } set t=0,n=n+1 write:n'>${sample} "##IPMDB rnode=",${quote2(name)},"|",r,! } write "##IPMDB rcount=",${quote2(name)},"|",n,! } catch e { write "##IPMDB error=",${quote2(`routines database ${name}`)},"|",e.DisplayString(),! }`;
}
function parseRoutinesGlobals(output) {
  const lines = ipmdbLines(output);
  const directory = lines.find((l) => l.key === "rdb")?.value ?? "";
  const names = lines.filter((l) => l.key === "rglobal").map((l) => l.value.startsWith("^") ? l.value : `^${l.value}`);
  const ignored = [...CODE_GLOBALS, ...BOOKKEEPING_GLOBALS];
  const candidates = [...new Set(names)].filter((n) => !ignored.some((p) => matchesGlobal(p, n))).sort();
  return { directory, candidates };
}
function withoutEnvironment(ref) {
  return ref.replace(/^\^\|"(?:[^"]|"")*"\|/, "^");
}
function parseLostGlobals(output) {
  const byName = /* @__PURE__ */ new Map();
  const entry = (name) => {
    let g = byName.get(name);
    if (!g) byName.set(name, g = { name, nodes: 0, sample: [] });
    return g;
  };
  for (const { key: key2, value } of ipmdbLines(output)) {
    const bar = value.indexOf("|");
    if (bar < 0) continue;
    const name = value.slice(0, bar);
    if (key2 === "rnode") entry(name).sample.push(withoutEnvironment(value.slice(bar + 1)));
    else if (key2 === "rcount") entry(name).nodes = Number(value.slice(bar + 1)) || 0;
  }
  return [...byName.values()].filter((g) => g.nodes > 0).sort((a, b) => a.name.localeCompare(b.name));
}
var SWAP_LOSS_HINT = 'Keep data out of the routines database: map the global to the data database (a global mapping of the namespace, e.g. %IPM.Utils.Module:AddGlobalMapping(<namespace>, "<global>", "<namespace>-DATA")), or keep settings as interoperability System Default Settings (Ens.Config.DefaultSettings), which live in the data database.';
function lostGlobalProblems(lost, directory) {
  return lost.map(
    (g) => `${g.name} (${g.nodes} node${g.nodes === 1 ? "" : "s"}, e.g. ${g.sample.slice(0, 3).join(", ")}) lives in the routines database${directory ? ` ${directory}` : ""} and is destroyed when -swap-db replaces it. ${SWAP_LOSS_HINT}`
  );
}

// src/pipeline/upgrade/scenarios.ts
var Scenario = class {
  constructor(scenario, previous, options, release) {
    this.options = options;
    this.release = release;
    this.result = {
      scenario,
      ok: false,
      message: "",
      previous,
      namespace: null,
      moduleBefore: null,
      moduleAfter: null,
      before: null,
      after: null,
      changes: [],
      steps: [],
      checks: [],
      backup: null,
      problems: [],
      durationMs: 0
    };
  }
  options;
  release;
  result;
  started = Date.now();
  /** Checks left out of the verdict, with what they returned when they were left out. */
  unjudged = /* @__PURE__ */ new Map();
  async snapshot(iris, namespace, alsoGlobals, when) {
    const listing = await iris.run(namespace, [listGlobalsLine()], `listing the globals ${when}`);
    throwOnReportedErrors(listing, `Listing the globals ${when}`);
    const globals = [
      .../* @__PURE__ */ new Set([...selectGlobals(parseGlobalNames(listing), this.options.globals), ...alsoGlobals])
    ].sort();
    const lines = [
      moduleStateLine(this.release.moduleName),
      ...updateStepLines(),
      ...globals.map((g) => fingerprintGlobalLine(g, this.options.nodeLimit))
    ];
    const output = await iris.run(namespace, lines, `fingerprinting the data ${when}`);
    throwOnReportedErrors(output, `Fingerprinting the data ${when}`);
    const fingerprints = parseFingerprints(output);
    const missing = globals.filter((g) => !fingerprints.some((f) => f.name === g));
    if (missing.length > 0) {
      throw new IpmDbError(
        "upgrade-fingerprint-incomplete",
        `IRIS printed no fingerprint for ${missing.join(", ")} ${when}`,
        { details: output.raw }
      );
    }
    const steps = this.release.updatePackage ? rowsOfPackage(parseUpdateSteps(output), this.release.updatePackage) : [];
    return { module: parseModuleState2(output), steps, fingerprint: toDataFingerprint(fingerprints), globals };
  }
  /** Every class of the routines database with its TimeChanged and, for productions, their definition. */
  async classStates(iris, namespace, when) {
    const output = await iris.run(namespace, [routinesClassesLine()], `listing the classes ${when}`);
    throwOnReportedErrors(output, `Listing the classes of the routines database ${when}`);
    return parseClassStates(output);
  }
  /**
   * What the swap would destroy: globals of the routines database and classes changed since
   * `installed` (the class states right after install); recorded, each one a problem.
   */
  async checkSwapLoss(iris, namespace, installed) {
    const listing = await iris.run(namespace, [routinesGlobalsLine()], "listing the routines database globals");
    throwOnReportedErrors(listing, "Listing the globals of the routines database");
    const { directory, candidates } = parseRoutinesGlobals(listing);
    let globals = [];
    if (candidates.length > 0) {
      const output = await iris.run(
        namespace,
        candidates.map((g) => routinesGlobalNodesLine(g)),
        "counting the routines database globals"
      );
      throwOnReportedErrors(output, "Counting the globals of the routines database");
      globals = parseLostGlobals(output);
    }
    const changed = changedClasses(installed, await this.classStates(iris, namespace, "before the swap"));
    this.result.swapLoss = { routinesDatabase: directory, globals, changedClasses: changed };
    this.result.problems.push(...lostGlobalProblems(globals, directory), ...changedClassProblems(changed));
  }
  async seed(iris, namespace) {
    if (this.options.seed.length === 0) return;
    const output = await iris.run(namespace, this.options.seed.map(seedLine), "writing data");
    throwOnReportedErrors(output, "Writing data with the seed methods");
    const seeded = parseSeeded(output);
    const notRun = this.options.seed.map(formatClassMethod).filter((s) => !seeded.includes(s));
    if (notRun.length > 0)
      throw new IpmDbError("upgrade-seed-failed", `seed method(s) ${notRun.join(", ")} did not return`, {
        details: output.raw
      });
  }
  async expectedSteps(iris, namespace) {
    if (!this.release.updatePackage) return [];
    const output = await iris.run(
      namespace,
      [expectedStepsLine(this.release.updatePackage)],
      "reading the update step classes"
    );
    throwOnReportedErrors(output, `Reading the update step classes of ${this.release.updatePackage}`);
    return parseExpectedSteps(output);
  }
  /**
   * Leaves the checks that did not return 1 out of the verdict (the iris-upgrade scenario, whose
   * release does not change: a check that fails before the IRIS upgrade judges a release upgrade,
   * e.g. a data migration, and is recorded in `checksNotJudged` instead).
   */
  leaveOutFailing(baseline) {
    for (const c of baseline) if (!c.ok) this.unjudged.set(c.check, c.returned);
    this.result.checksNotJudged = [...this.unjudged].map(([check, returned]) => ({ check, returned }));
  }
  async runChecks(iris, namespace) {
    const checks = this.options.checks.filter((c) => !this.unjudged.has(formatClassMethod(c)));
    if (checks.length === 0) return [];
    const output = await iris.run(namespace, checks.map(checkLine), "running the checks");
    const returned = parseChecks(output);
    const errors = reportedErrors(output);
    return checks.map(formatClassMethod).map((check) => {
      const found = returned.find((r) => r.check === check);
      if (found) return found;
      const error2 = errors.find((e) => e.startsWith(`${check}: `));
      return { check, returned: error2 ? error2.slice(check.length + 2) : "(no result printed)", ok: false };
    });
  }
  async checkBackup(iris, namespace, swap) {
    if (!swap.backupPath) {
      this.result.problems.push(
        'the swap printed no "Backup:" line, so no backup of the replaced routines database can be shown'
      );
      return;
    }
    const output = await iris.run(namespace, [fileExistsLine(swap.backupPath)], "checking the swap backup");
    const exists = parseFileExists(output)[swap.backupPath] === true;
    this.result.backup = { path: swap.backupPath, exists };
    if (!exists) this.result.problems.push(`the swap backup ${swap.backupPath} does not exist after the upgrade`);
  }
  checkModule(state, version2, packaging, when) {
    if (!state) {
      this.result.problems.push(`${this.release.moduleName} is not installed ${when}`);
      return;
    }
    if (state.version !== version2)
      this.result.problems.push(
        `${this.release.moduleName} is at version ${state.version} ${when}, expected ${version2}`
      );
    if (packaging !== null && state.packaging !== packaging) {
      this.result.problems.push(
        `${this.release.moduleName} has Packaging "${state.packaging}" ${when}, expected "${packaging}"`
      );
    }
  }
  finish(success) {
    this.result.ok = this.result.problems.length === 0;
    this.result.message = this.result.ok ? success : this.result.problems[0];
    this.result.durationMs = Date.now() - this.started;
    return this.result;
  }
  fail(error2) {
    this.result.problems.push(describeError(error2).replace(/\n\s*/g, " "));
    if (error2 instanceof IpmDbError && error2.details) this.result.output = error2.details;
    return this.finish("");
  }
};
async function proveUpgrade(s, iris, install, options, release, betweenHook) {
  const r = s.result;
  const namespace = await iris.createNamespace();
  r.namespace = namespace;
  await install(iris, namespace);
  const installedClasses = await s.classStates(iris, namespace, "after the install");
  await s.seed(iris, namespace);
  const previousSteps = await s.expectedSteps(iris, namespace);
  const before = await s.snapshot(iris, namespace, [], "before the upgrade");
  r.moduleBefore = before.module;
  r.before = before.fingerprint;
  if (options.previous.version) s.checkModule(before.module, options.previous.version, null, "before the upgrade");
  await s.checkSwapLoss(iris, namespace, installedClasses);
  if (betweenHook) await betweenHook(namespace);
  const swap = await iris.updateModule(namespace, release.moduleName, release.packagePath);
  const after = await s.snapshot(iris, namespace, before.globals, "after the upgrade");
  r.moduleAfter = after.module;
  r.after = after.fingerprint;
  s.checkModule(after.module, release.version, "database", "after the upgrade");
  r.steps = judgeSteps("upgrade", await s.expectedSteps(iris, namespace), before.steps, after.steps, previousSteps);
  r.problems.push(...stepProblems(r.steps));
  r.changes = attributeChanges(
    diffFingerprints(before.fingerprint, after.fingerprint),
    stepsThatRan(r.steps),
    options.declared
  );
  r.problems.push(...undeclaredChangeProblems(r.changes));
  r.checks = await s.runChecks(iris, namespace);
  r.problems.push(
    ...r.checks.filter((c) => !c.ok).map((c) => `check ${c.check} returned ${c.returned === "" ? "nothing" : `"${c.returned}"`}, not 1`)
  );
  await s.checkBackup(iris, namespace, swap);
  const ran = r.steps.filter((v) => v.outcome === "ran").length;
  return s.finish(
    `${release.moduleName} ${before.module?.version ?? "?"} -> ${release.version}: ${after.globals.length} global(s) fingerprinted, ${r.changes.length} changed (all declared), ${ran} update step(s) ran once, ${r.checks.length} check(s) returned 1`
  );
}
async function proveFreshInstall(s, iris, release) {
  const r = s.result;
  const namespace = await iris.createNamespace();
  r.namespace = namespace;
  const swap = await iris.loadPackage(namespace, release.packagePath);
  const after = await s.snapshot(iris, namespace, [], "after the install");
  r.moduleAfter = after.module;
  r.after = after.fingerprint;
  s.checkModule(after.module, release.version, "database", "after the install");
  r.steps = judgeSteps("fresh", await s.expectedSteps(iris, namespace), [], after.steps);
  r.problems.push(...stepProblems(r.steps));
  await s.checkBackup(iris, namespace, swap);
  return s.finish(
    `${release.moduleName} ${release.version} installed into an empty namespace: ${r.steps.length} update step(s) seeded, none run`
  );
}
async function runUpgradeScenarios(env, options, release, logger) {
  const prev = options.previous;
  const registryReference = prev.reference ?? (prev.pullFrom && prev.version ? previousReference(prev.pullFrom, release.moduleName, prev.version, release.irisMajorMinor) : null);
  const reference = prev.packagePath ?? registryReference;
  let pulled = null;
  let downloadDir = null;
  const previousPackage = () => {
    if (prev.packagePath) return Promise.resolve(prev.packagePath);
    if (!registryReference) throw new IpmDbError("upgrade-no-previous", "no previous database package was given");
    pulled ??= env.tempDir().then((dir) => {
      downloadDir = dir;
      return env.pull(registryReference, dir);
    });
    return pulled;
  };
  const loadPrevious = async (iris, namespace) => {
    await iris.loadPackage(namespace, await previousPackage());
  };
  const loadPreviousSource = async (iris, namespace) => {
    await iris.loadModule(namespace, prev.sourceDir);
  };
  const packageOrigin = () => ({
    source: prev.packagePath ? "path" : "registry",
    reference: reference ?? "",
    version: prev.version
  });
  const sourceOrigin = () => ({
    source: "source-directory",
    reference: prev.sourceLabel ?? prev.sourceDir ?? "",
    version: prev.version
  });
  const runScenario = (scenario) => {
    if (scenario === "fresh") {
      const s2 = new Scenario(scenario, { source: "none", reference: "", version: null }, options, release);
      return proveFreshInstall(s2, env.iris, release).catch((e) => s2.fail(e));
    }
    if (scenario === "database") {
      const s2 = new Scenario(scenario, packageOrigin(), options, release);
      return proveUpgrade(s2, env.iris, loadPrevious, options, release).catch((e) => s2.fail(e));
    }
    if (scenario === "source") {
      const s2 = new Scenario(scenario, sourceOrigin(), options, release);
      return proveUpgrade(s2, env.iris, loadPreviousSource, options, release).catch((e) => s2.fail(e));
    }
    const fromPackage = reference !== null;
    const s = new Scenario(scenario, fromPackage ? packageOrigin() : sourceOrigin(), options, release);
    return proveInReplacedContainer(s, env, fromPackage ? loadPrevious : loadPreviousSource, options, release).catch(
      (e) => s.fail(e)
    );
  };
  const logged = async (scenario, how) => {
    logger.info(`upgrade scenario: ${scenario}${how}`);
    const result = await runScenario(scenario);
    logger.info(`upgrade scenario ${scenario}: ${result.ok ? "passed" : "FAILED"}: ${result.message}`);
    return result;
  };
  const byScenario = /* @__PURE__ */ new Map();
  try {
    const own = options.scenarios.filter((s) => s === "container-replacement");
    const freeSlot = own.length > 0 ? env.reserveContainer() : null;
    const beside = freeSlot ? Promise.all(own.map((s) => logged(s, " (its own container, beside the others)"))).finally(freeSlot) : null;
    try {
      for (const scenario of options.scenarios)
        if (!beside || !own.includes(scenario)) byScenario.set(scenario, await logged(scenario, ""));
    } finally {
      for (const result of beside ? await beside : []) byScenario.set(result.scenario, result);
    }
  } finally {
    const dir = downloadDir;
    if (dir !== null) await env.removeTempDir(dir).catch(() => void 0);
  }
  return options.scenarios.map((s) => byScenario.get(s));
}
async function proveInReplacedContainer(s, env, install, options, release) {
  const iris = await env.startDurable();
  try {
    return await proveUpgrade(s, iris, install, options, release, () => iris.replace());
  } finally {
    await iris.dispose();
  }
}

// src/pipeline/upgrade/iris-upgrade.ts
var VERSION_REFUSAL = /The module cannot be installed on the current version[^\n]*/;
function systemRequirementsLine(moduleName2) {
  return `try { set m=##class(%IPM.Storage.Module).NameOpen(${quote2(moduleName2)}) write "##IPMDB sysreq=",$select('$isobject(m):"",'$isobject(m.SystemRequirements):"",1:m.SystemRequirements.VersionString),! } catch e { write "##IPMDB error=system requirements|",e.DisplayString(),! }`;
}
async function runIrisUpgrade(env, options, from, to, logger) {
  const previous = { source: "path", reference: from.packagePath, version: from.moduleVersion };
  const judged = {
    ...options,
    previous: {
      version: from.moduleVersion,
      packagePath: from.packagePath,
      pullFrom: null,
      reference: null,
      sourceDir: null
    }
  };
  const s = new Scenario("iris-upgrade", previous, judged, to.release);
  const refusal = {
    name: `package for ${from.irisMajorMinor} refused on ${to.irisMajorMinor}`,
    ok: false,
    detail: "not tried: the scenario failed before IRIS was upgraded"
  };
  const requirement = {
    name: `SystemRequirements Version ${to.irisMajorMinor} after the upgrade`,
    ok: false,
    detail: "not read: the scenario failed before the upgrade"
  };
  logger.info(`iris-upgrade: ${from.image} -> ${to.image}`);
  let scenario;
  try {
    const iris = await env.startDurable(from.image);
    try {
      scenario = await proveUpgrade(
        s,
        iris,
        async (i, namespace) => void await i.loadPackage(namespace, from.packagePath),
        judged,
        to.release,
        async (namespace) => {
          s.leaveOutFailing(await s.runChecks(iris, namespace));
          await iris.replace(to.image);
          const probe2 = await iris.createNamespace();
          try {
            await iris.loadPackage(probe2, from.packagePath);
            refusal.detail = `IPM installed the package built for ${from.irisMajorMinor} on ${to.irisMajorMinor}`;
          } catch (err) {
            const text = describeError(err);
            const refused2 = VERSION_REFUSAL.exec(text)?.[0];
            refusal.ok = refused2 !== void 0;
            refusal.detail = refused2 ?? `refused for another reason: ${text}`;
          }
        }
      );
      if (scenario.namespace) {
        const output = await iris.run(
          scenario.namespace,
          [systemRequirementsLine(to.release.moduleName)],
          "reading SystemRequirements"
        );
        throwOnReportedErrors(output, "Reading the module SystemRequirements");
        const got = ipmdbLines(output).find((l) => l.key === "sysreq")?.value ?? "";
        requirement.ok = got === to.irisMajorMinor;
        requirement.detail = `SystemRequirements Version is "${got}"`;
      }
    } finally {
      await iris.dispose();
    }
  } catch (err) {
    scenario = s.fail(err);
  }
  const checks = [
    { name: "upgrade", ok: scenario.ok, detail: scenario.message },
    refusal,
    requirement,
    ...scenario.checks.map((c) => ({ name: `check ${c.check} on ${to.irisMajorMinor}`, ok: c.ok, detail: c.returned }))
  ];
  const failed2 = checks.find((c) => !c.ok);
  return {
    schema: IRIS_UPGRADE_REPORT_SCHEMA,
    fromIrisVersion: from.irisMajorMinor,
    toIrisVersion: to.irisMajorMinor,
    fromImage: from.image,
    toImage: to.image,
    ok: !failed2,
    message: failed2 ? `${failed2.name}: ${failed2.detail}` : `${to.release.moduleName} upgraded from IRIS ${from.irisMajorMinor} to ${to.irisMajorMinor}: ${scenario.message}` + notJudged(scenario),
    checks,
    scenario
  };
}
function notJudged(scenario) {
  const left = scenario.checksNotJudged ?? [];
  if (left.length === 0) return "";
  const list2 = left.map((c) => `${c.check} ("${c.returned}")`).join(", ");
  return `; not judged, as they did not return 1 before the IRIS upgrade either (checks of a release upgrade): ${list2}`;
}

// src/pipeline/upgrade/iris-upgrade-pair.ts
async function packagedModule(path) {
  const report = await verifyArchive(path);
  const m = report.module;
  if (!report.valid || !m || !m.irisVersion || !m.manifestXml)
    throw new IpmDbError(
      "iris-upgrade-archive",
      `${path} is not a valid database package: ${report.errors[0]?.message ?? "no module"}`
    );
  return {
    name: m.name,
    version: m.version,
    irisMajorMinor: m.irisVersion,
    updatePackage: m.updatePackage,
    moduleXml: m.manifestXml
  };
}
async function runIrisUpgradePair(from, to, options, pipeline2) {
  const [fromModule, toModule] = [await packagedModule(from.archive), await packagedModule(to.archive)];
  if (fromModule.name.toLowerCase() !== toModule.name.toLowerCase())
    throw new IpmDbError(
      "iris-upgrade-archive",
      `the packages hold different modules: ${fromModule.name} and ${toModule.name}`
    );
  if (fromModule.version !== toModule.version)
    throw new IpmDbError(
      "iris-upgrade-archive",
      `the packages hold different releases of ${toModule.name}: ${fromModule.version} and ${toModule.version}; the IRIS upgrade is tested with one release built on each IRIS version`
    );
  const moduleDir = await mkdtemp4(join14(tmpdir5(), "ipm-db-iris-upgrade-"));
  let result = null;
  try {
    await writeFile3(join14(moduleDir, "module.xml"), toModule.moduleXml);
    const stage = {
      name: "upgrade",
      async run(ctx) {
        result = await runIrisUpgrade(
          driverUpgradeEnvironment(ctx, () => Promise.reject(new IpmDbError("iris-upgrade", "nothing is pulled"))),
          options,
          {
            image: from.image,
            irisMajorMinor: fromModule.irisMajorMinor,
            packagePath: from.archive,
            moduleVersion: fromModule.version
          },
          {
            image: to.image,
            irisMajorMinor: toModule.irisMajorMinor,
            packagePath: to.archive,
            release: {
              moduleName: toModule.name,
              version: toModule.version,
              packagePath: to.archive,
              updatePackage: toModule.updatePackage,
              irisMajorMinor: toModule.irisMajorMinor
            }
          },
          ctx.logger
        );
        if (!result.ok) throw new IpmDbError("iris-upgrade-failed", result.message);
        return result.message;
      }
    };
    const run3 = await runPipeline({
      ...pipeline2,
      image: to.image,
      moduleDir,
      outDir: moduleDir,
      verifyArchive,
      stages: [startStage, ipmStage, stage]
    });
    if (!result) {
      const failed2 = run3.stages.find((s) => s.status === "failed");
      throw new IpmDbError(
        "iris-upgrade",
        `IRIS ${toModule.irisMajorMinor} (${to.image}) did not get ready for the upgrade: ${failed2?.message ?? "unknown"}`
      );
    }
    return run3.ipmInstalls ? { ...result, ipmInstalls: run3.ipmInstalls } : result;
  } finally {
    await rm6(moduleDir, { recursive: true, force: true });
  }
}
function compareIrisVersions(a, b) {
  const [x, y] = [parseIrisMajorMinor(a), parseIrisMajorMinor(b)];
  if (x && y) return x.major - y.major || x.minor - y.minor;
  if (x || y) return x ? -1 : 1;
  return a.localeCompare(b);
}
function consecutivePairs(items, versionOf) {
  const sorted = [...items].sort((a, b) => compareIrisVersions(versionOf(a), versionOf(b)));
  return sorted.slice(1).map((to, i) => ({ from: sorted[i], to }));
}

// src/action/iris-upgrades.ts
function unusable(o) {
  const version2 = irisKey(o.image, o.report);
  if (o.report.skipped) return `the IRIS ${version2} run was skipped (${o.report.skipped.reason})`;
  if (!o.report.ok) {
    const failed2 = o.report.stages.find((s) => s.status === "failed");
    return `the IRIS ${version2} run failed${failed2 ? ` at ${failed2.stage}` : ""}`;
  }
  if (!o.report.archive || !o.report.verification?.valid) return `the IRIS ${version2} run built no verified package`;
  return null;
}
function planIrisUpgrades(outcomes) {
  return consecutivePairs(outcomes, (o) => irisKey(o.image, o.report)).map(({ from, to }) => {
    const reasons = [unusable(from), unusable(to)].filter((r) => r !== null);
    return { from, to, skip: reasons.length ? `${reasons.join("; ")}: nothing to upgrade with` : null };
  });
}
function irisUpgradesOf(runs) {
  return runs.map((r) => r.irisUpgrade).filter((u) => u != null).sort((a, b) => compareIrisVersions(a.fromIrisVersion, b.fromIrisVersion));
}
async function runIrisUpgrades(ctx, outcomes) {
  const options = ctx.inputs.upgrade ?? defaultUpgradeOptions();
  if (!options.irisUpgrade || outcomes.length < 2) return [];
  const planned = planIrisUpgrades(outcomes);
  const slots = containerSlots(ctx.inputs.parallel);
  const runs = await mapBounded(planned, slots, async (pair, index) => {
    const result = pair.skip ? skipped(pair, pair.skip) : ctx.signal.aborted ? skipped(pair, "the run exceeded its timeout input before this upgrade started") : await runPair(ctx, pair, index, slots);
    pair.to.report.irisUpgrade = result;
    return result;
  });
  return runs.filter((r) => r !== void 0);
}
function base(pair) {
  return {
    fromIrisVersion: irisKey(pair.from.image, pair.from.report),
    toIrisVersion: irisKey(pair.to.image, pair.to.report),
    fromImage: pair.from.image,
    toImage: pair.to.image
  };
}
function skipped(pair, reason) {
  return { ...base(pair), status: "skipped", message: reason, durationMs: 0, report: null };
}
async function runPair(ctx, pair, index, slots) {
  const { inputs, deps } = ctx;
  const head = base(pair);
  const label = `iris-upgrade ${head.fromIrisVersion} -> ${head.toIrisVersion}`;
  const started = Date.now();
  deps.io.info(`[${label}] starting`);
  try {
    const report = await untilAborted(
      deps.pipeline.runIrisUpgrade(
        {
          from: { image: pair.from.image, archive: pair.from.report.archive.path },
          to: { image: pair.to.image, archive: pair.to.report.archive.path },
          upgrade: inputs.upgrade ?? defaultUpgradeOptions(),
          ipmInstaller: ctx.ipmInstaller,
          interoperability: inputs.interoperability,
          warmIpmImage: inputs.warmIpmImage,
          timeouts: { startupMs: inputs.timeouts.startupMs, commandMs: inputs.timeouts.commandMs },
          keepContainer: inputs.keepContainer,
          runId: `${deps.runId}-upgrade-${index + 1}`,
          onResource: (r) => ctx.ledger.record(r),
          containerSlots: slots,
          signal: ctx.signal
        },
        coreLogger(deps.io, `[${label}] `)
      ),
      ctx.signal,
      `the ${label}`
    );
    const status = report.ok ? "passed" : "failed";
    deps.io.info(`[${label}] ${status}: ${report.message}`);
    return { ...head, status, message: report.message, durationMs: Date.now() - started, report };
  } catch (err) {
    const message = redact(errorMessage(err));
    deps.io.info(`[${label}] failed: ${message}`);
    return { ...head, status: "failed", message, durationMs: Date.now() - started, report: null };
  }
}

// src/pipeline/module-settings.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile as readFile5 } from "node:fs/promises";
import { isAbsolute, join as join15, relative as relative3, sep as sep4 } from "node:path";
var MODULE_SETTINGS_FILE = "ipm-db.yml";
var MODULE_SETTINGS = {
  interoperability: {
    kind: "boolean",
    description: "Create the packaging and install namespaces Interoperability-enabled."
  },
  dev: { kind: "boolean", description: "Load and package with -dev (test resources included in the package)." },
  "run-tests": { kind: "boolean", description: "Run the module's unit tests after the fresh install." },
  "export-python-deps": {
    kind: "boolean",
    description: "Package the module's Python dependencies as wheels (false passes -no-export-python-deps)."
  },
  "upgrade-scenarios": {
    kind: "list",
    description: "Upgrade scenarios to run: fresh, database, source, container-replacement, or all."
  },
  "seed-methods": {
    kind: "list",
    description: "Class methods (Package.Class:Method) that write data after the previous release is installed."
  },
  "check-methods": {
    kind: "list",
    description: "Class methods (Package.Class:Method) that must return 1 after each upgrade scenario."
  },
  "declared-changes": {
    kind: "changes",
    description: "Globals each update step changes on purpose: Package.Class:Method mapped to a list of ^Globals."
  },
  "upgrade-globals": {
    kind: "list",
    description: "Globals to fingerprint before and after each upgrade (default: every global of the data database)."
  },
  "upgrade-exclude-globals": {
    kind: "list",
    description: "Globals left out of the fingerprint (default: IPM's own bookkeeping globals)."
  }
};
var NO_MODULE_SETTINGS = { file: null, values: /* @__PURE__ */ new Map() };
function formatSettingsProblem(p) {
  return `${p.file}:${p.line}: ${p.key === null ? "" : `${p.key}: `}${p.message}`;
}
var SETTINGS_HINT = `Fix ${MODULE_SETTINGS_FILE}: its keys and forms are in docs/module-settings.md (docs/ipm-db.schema.json is its JSON Schema).`;
var ModuleSettingsError = class extends UsageError {
  problems;
  constructor(message, problems, hint = SETTINGS_HINT) {
    super(message, hint);
    this.name = "ModuleSettingsError";
    this.problems = problems;
  }
};
function settingsFileLabel(base2, moduleDir) {
  const path = join15(moduleDir, MODULE_SETTINGS_FILE);
  const rel = relative3(base2, path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel.split(sep4).join("/");
}
async function readModuleSettings(moduleDir, label = MODULE_SETTINGS_FILE) {
  let text;
  try {
    text = await readFile5(join15(moduleDir, MODULE_SETTINGS_FILE), "utf8");
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT" || code === "ENOTDIR") return NO_MODULE_SETTINGS;
    throw new UsageError(`${label} cannot be read: ${err.message}`);
  }
  return { file: label, values: parseModuleSettings(text, label) };
}
var MAX_FILE_CHARS = 256 * 1024;
function parseModuleSettings(text, file = MODULE_SETTINGS_FILE) {
  if (text.length > MAX_FILE_CHARS)
    throw new UsageError(`${file} is ${text.length} characters long; a module settings file is at most 256 KiB.`);
  const lines = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  const problems = [];
  const problem = (line, key2, message) => problems.push({ file, line, key: key2, message });
  const at = (node) => node?.range ? lines.linePos(node.range[0]).line : 1;
  for (const e of doc.errors)
    problem(lines.linePos(e.pos[0]).line, null, `${e.message.split("\n")[0]}; fix the YAML there.`);
  const values3 = /* @__PURE__ */ new Map();
  if (problems.length === 0 && doc.contents !== null) {
    if (!(0, import_yaml.isMap)(doc.contents))
      problem(at(doc.contents), null, 'the file must be a mapping of settings, one "key: value" a line.');
    else
      for (const pair of doc.contents.items) {
        const key2 = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : "";
        const line = at(pair.key);
        const spec = MODULE_SETTINGS[key2];
        if (!spec) {
          problem(line, key2, `is not a setting; use one of ${Object.keys(MODULE_SETTINGS).join(", ")}.`);
          continue;
        }
        const converted = convert(spec.kind, pair.value);
        if (typeof converted === "string") values3.set(key2, { text: converted, line });
        else problem(line, key2, converted.problem);
      }
  }
  if (problems.length > 0)
    throw new ModuleSettingsError(
      `${file} is not valid:
  ${problems.map(formatSettingsProblem).join("\n  ")}`,
      problems
    );
  return values3;
}
function describeSettingsUse(use, givenAs) {
  const names = (list2) => list2.map((s) => `${s.name} (line ${s.line}${s.reason ? `; ${s.reason}` : ""})`).join(", ");
  const lines = [`${use.file}: ${use.fromFile.length ? `used ${names(use.fromFile)}` : "no setting used"}`];
  if (use.overridden.length) lines.push(`overridden by ${givenAs}: ${names(use.overridden)}`);
  if (use.unused.length) lines.push(`not used: ${names(use.unused)}`);
  return lines;
}
var UPGRADE_TRIGGERS = ["upgrade-from", "upgrade-source", "upgrade-scenarios"];
function mergeModuleSettings(settings, given, uses = Object.keys(MODULE_SETTINGS)) {
  const upgradeRuns = UPGRADE_TRIGGERS.some((name) => given(name) !== void 0);
  const taken = /* @__PURE__ */ new Map();
  const use = settings.file ? { file: settings.file, fromFile: [], overridden: [], unused: [] } : null;
  for (const [name, value] of settings.values) {
    const entry = { name, line: value.line };
    if (!uses.includes(name)) use?.unused.push({ ...entry, reason: "not used here" });
    else if (given(name) !== void 0) use?.overridden.push(entry);
    else if (UPGRADE_FIELDS.includes(name) && !upgradeRuns)
      use?.unused.push({ ...entry, reason: "no upgrade runs" });
    else {
      taken.set(name, value);
      use?.fromFile.push(entry);
    }
  }
  return {
    text: (name) => given(name) ?? taken.get(name)?.text,
    located: (name) => {
      const value = taken.get(name);
      return value && settings.file ? { file: settings.file, line: value.line } : null;
    },
    use
  };
}
function settingsError(problems, merged, options) {
  if (problems.length === 0) return null;
  const inFile = [];
  const lines = problems.map(({ field, message: message2 }) => {
    const where = merged.located(field);
    if (!where) return `${options.name(field)}: ${message2}`;
    const p = { ...where, key: field, message: message2 };
    inFile.push(p);
    return formatSettingsProblem(p);
  });
  const message = options.header ? `${options.header}
  - ${lines.join("\n  - ")}` : lines.join("\n");
  if (inFile.length === 0) return new UsageError(message, options.hint);
  return new ModuleSettingsError(message, inFile, options.hint ? `${options.hint} ${SETTINGS_HINT}` : SETTINGS_HINT);
}
function convert(kind, node) {
  if (kind === "boolean") {
    if ((0, import_yaml.isScalar)(node) && typeof node.value === "boolean") return String(node.value);
    return { problem: "must be true or false (YAML booleans, unquoted)." };
  }
  if (kind === "list") {
    const items = stringList(node);
    return items ?? {
      problem: 'must be a YAML list of names, each without spaces or commas: one "- name" a line, or [name1, name2].'
    };
  }
  if (!(0, import_yaml.isMap)(node))
    return {
      problem: 'must map each update step Package.Class:Method to a list of ^Globals, e.g. "  Pkg.Update.V2:Step: [^Pkg.Data]".'
    };
  const out = [];
  for (const pair of node.items) {
    const method = (0, import_yaml.isScalar)(pair.key) && typeof pair.key.value === "string" ? pair.key.value : null;
    const globals = stringList(pair.value);
    if (!method || globals === null || globals === "")
      return {
        problem: 'must map each update step Package.Class:Method to a non-empty list of ^Globals, e.g. "  Pkg.Update.V2:Step: [^Pkg.Data]".'
      };
    out.push(`${method}=${globals.split("\n").join(",")}`);
  }
  return out.join("\n");
}
function stringList(node) {
  if (!(0, import_yaml.isSeq)(node)) return null;
  const items = [];
  for (const item of node.items) {
    if (!(0, import_yaml.isScalar)(item) || typeof item.value !== "string" || /[\s,;]/.test(item.value.trim())) return null;
    items.push(item.value.trim());
  }
  return items.join("\n");
}

// src/action/links.ts
var segment = (s) => encodeURIComponent(s);
function workflowRunUrl(env) {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
  if (!server || !repository || !runId || !/^https?:\/\//.test(server) || !/^\d+$/.test(runId)) return null;
  const [owner, repo, ...rest] = repository.split("/");
  if (!owner || !repo || rest.length) return null;
  return `${server.replace(/\/+$/, "")}/${segment(owner)}/${segment(repo)}/actions/runs/${runId}`;
}
function artifactUrl(runUrl, id) {
  return runUrl && id !== null && Number.isSafeInteger(id) && id > 0 ? `${runUrl}/artifacts/${id}` : null;
}
function ghcrPackagePage(reference, sourceUrl) {
  if (!sourceUrl) return null;
  let registry;
  let repository;
  try {
    ({ registry, repository } = parseReference(reference));
  } catch {
    return null;
  }
  if (registry.toLowerCase() !== "ghcr.io") return null;
  const source = /^(https:\/\/github\.com)\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(sourceUrl);
  if (!source) return null;
  const [owner, ...packagePath] = repository.split("/");
  if (!owner || packagePath.length === 0 || owner !== source[2].toLowerCase()) return null;
  return `${source[1]}/${segment(source[2])}/${segment(source[3])}/pkgs/container/${segment(packagePath.join("/"))}`;
}

// src/action/summary.ts
var SUMMARY_LIMIT_BYTES = 1e6;
var MIN_BLOCK_BYTES = 512;
var STATUS_ICON = { passed: "\u2705", failed: "\u274C", skipped: "\u23ED\uFE0F" };
function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
var fixed = (text) => ({ kind: "fixed", text });
function detailsBlock(title, raw, keep) {
  return {
    kind: "shrinkable",
    raw,
    keep,
    cut: 0,
    render: (body) => `<details><summary>${escapeHtml(title)}</summary>

<pre>${escapeHtml(body)}</pre>

</details>

`
  };
}
function markdownDetails(title, markdown) {
  return {
    kind: "shrinkable",
    raw: markdown,
    keep: "head",
    cut: 0,
    render: (body) => `<details><summary>${escapeHtml(title)}</summary>

${body}

</details>

`
  };
}
function upgradeDetails(results) {
  return renderUpgradeMarkdown(results).replace(/^## [^\n]*\n+/, "");
}
function listBlock(lines) {
  return {
    kind: "shrinkable",
    raw: lines.join("\n"),
    keep: "head",
    cut: 0,
    render: (body) => body.split("\n").filter(Boolean).map((l) => `- ${markdownText(l)}`).join("\n") + "\n\n"
  };
}
function renderBlock(b) {
  if (b.kind === "fixed") return b.text;
  const note = b.cut > 0 ? `[${b.cut} bytes cut to fit the job summary limit; the full text is in the artifacts]` : "";
  const body = b.cut === 0 ? b.raw : b.keep === "tail" ? `${note}
\u2026${b.raw}` : `${b.raw}\u2026
${note}`;
  return b.render(body);
}
function byteLength(s) {
  return Buffer.byteLength(s, "utf8");
}
function cutTo(text, bytes, keep) {
  const buf = Buffer.from(text, "utf8");
  if (buf.length <= bytes) return text;
  let slice = keep === "head" ? buf.subarray(0, bytes) : buf.subarray(buf.length - bytes);
  let s = slice.toString("utf8");
  if (s.includes("\uFFFD")) {
    slice = keep === "head" ? slice.subarray(0, slice.length - 3) : slice.subarray(3);
    s = slice.toString("utf8").replace(/^\uFFFD+|\uFFFD+$/g, "");
  }
  return s;
}
function fit(blocks, limit) {
  let truncated = false;
  for (let round = 0; round < 200; round++) {
    const total = blocks.reduce((n, b) => n + byteLength(renderBlock(b)), 0);
    const excess = total - limit;
    if (excess <= 0) break;
    const shrinkable = blocks.filter(
      (b) => b.kind === "shrinkable" && byteLength(b.raw) > MIN_BLOCK_BYTES
    ).sort((a, b) => byteLength(b.raw) - byteLength(a.raw));
    const biggest = shrinkable[0];
    if (!biggest) break;
    const size = byteLength(biggest.raw);
    const next = shrinkable[1] ? byteLength(shrinkable[1].raw) : 0;
    let target = Math.max(MIN_BLOCK_BYTES, size - excess - 128);
    if (next > target && next < size) target = next;
    const cut = cutTo(biggest.raw, target, biggest.keep);
    biggest.cut += size - byteLength(cut);
    biggest.raw = cut;
    truncated = true;
  }
  let text = blocks.map(renderBlock).join("");
  if (byteLength(text) > limit) {
    text = cutTo(text, limit - 200, "head") + "\n\n**Summary cut short: it exceeded the job summary limit.**\n";
    truncated = true;
  }
  return { text, truncated };
}
function stageCell(s) {
  if (!s) return "";
  return s.status === "skipped" ? STATUS_ICON.skipped : `${STATUS_ICON[s.status]} ${formatDuration(s.durationMs)}`;
}
function runLabel(run3) {
  return run3.irisVersion ? `IRIS ${run3.irisVersion}` : run3.image;
}
function overviewTable(runs) {
  const used = STAGES.filter((st) => runs.some((r) => r.stages.some((s) => s.stage === st)));
  const head = `| IRIS | ${used.join(" | ")} | total |
|---|${used.map(() => "---|").join("")}---|
`;
  const rows = runs.map((r) => {
    const cells = used.map((st) => stageCell(r.stages.find((s) => s.stage === st)));
    const label = `${r.ok ? STATUS_ICON.passed : STATUS_ICON.failed} ${markdownText(runLabel(r))}<br><sub>${markdownText(r.image)}</sub>`;
    return `| ${label} | ${cells.join(" | ")} | ${formatDuration(r.durationMs)} |`;
  });
  return `${head}${rows.join("\n")}

`;
}
function runBlocks(run3, links) {
  const out = [
    fixed(`### ${run3.ok ? STATUS_ICON.passed : STATUS_ICON.failed} ${markdownText(runLabel(run3))}

`)
  ];
  const facts = [`| image | ${markdownCode(run3.image)} |`];
  if (run3.irisBuild) facts.push(`| IRIS build | ${markdownText(run3.irisBuild)} |`);
  if (run3.ipmVersion) facts.push(`| IPM | ${markdownText(run3.ipmVersion)} |`);
  if (run3.archive) {
    facts.push(`| archive | ${markdownCode(run3.archive.fileName)} (${formatBytes(run3.archive.size)}) |`);
    facts.push(`| sha256 | \`${run3.archive.sha256}\` |`);
    if (run3.archive.irisDatSha256) facts.push(`| IRIS.DAT sha256 | \`${run3.archive.irisDatSha256}\` |`);
  }
  if (run3.published) {
    const page = ghcrPackagePage(run3.published.reference, links.sourceUrl);
    facts.push(
      `| published | ${markdownCode(run3.published.reference)}${run3.published.unchanged ? " (unchanged)" : ""}${page ? ` \xB7 ${markdownLink("package page", page)}` : ""} |`
    );
    facts.push(`| digest | ${markdownCode(run3.published.digest)} |`);
    const proof = run3.published.roundTrip;
    facts.push(
      `| round-trip | ${proof.status} ${markdownCode(proof.digest)}${proof.layerRead ? " (read back by digest, layer verified again)" : " (manifest re-checked, layer unchanged)"} |`
    );
  }
  out.push(fixed(`| | |
|---|---|
${facts.join("\n")}

`));
  const failed2 = run3.stages.find((s) => s.status === "failed");
  if (failed2)
    out.push(fixed(`**${markdownText(failed2.stage)} failed:** ${markdownText(failed2.message ?? "no message")}

`));
  const deps = run3.verification?.dependencies ?? [];
  if (deps.length) {
    out.push(fixed(`**Dependencies (${deps.length})**

`));
    out.push(
      listBlock(
        deps.map(
          (d) => `${d.name} ${d.packagedVersion ?? d.declaredVersion ?? "(version unknown)"}${d.depsFile ? "" : " \u2014 not in deps/"}`
        )
      )
    );
  }
  const findings = [...run3.verification?.errors ?? [], ...run3.verification?.warnings ?? []];
  if (findings.length) {
    out.push(fixed(`**Verification findings (${findings.length})**

`));
    out.push(listBlock(findings.map((f) => `${f.severity} ${f.code}: ${f.entry ? `${f.entry}: ` : ""}${f.message}`)));
  }
  if (run3.compileErrors.length) {
    out.push(fixed(`**Compile errors (${run3.compileErrors.length})**

`));
    out.push(
      listBlock(run3.compileErrors.map((c) => `${c.file ?? c.document}${c.line ? `:${c.line}` : ""}: ${c.message}`))
    );
  }
  if (run3.upgrade.length) {
    out.push(
      fixed(
        `**Upgrade**

| scenario | result | detail |
|---|---|---|
${run3.upgrade.map(
          (u) => `| ${markdownText(u.scenario)} | ${u.ok ? STATUS_ICON.passed : STATUS_ICON.failed} | ${markdownText(u.message)} |`
        ).join("\n")}

`
      )
    );
    out.push(markdownDetails("Upgrade details: fingerprints, update steps, checks", upgradeDetails(run3.upgrade)));
  }
  const probes = run3.assumptions ?? [];
  if (probes.length) {
    const broken = probes.filter((p) => !p.holds);
    out.push(
      fixed(
        `**IRIS assumptions:** ${broken.length === 0 ? `all ${probes.length} probed hold` : `${broken.length} of ${probes.length} do not hold`}

| assumption | holds | expected | saw |
|---|---|---|---|
${probes.map(
          (p) => `| ${markdownCode(p.name)} | ${p.holds ? STATUS_ICON.passed : STATUS_ICON.failed} | ${markdownText(p.expected)} | ${markdownText(p.saw)} |`
        ).join("\n")}

`
      )
    );
  }
  for (const s of run3.stages) {
    if (s.stage === "upgrade" && run3.upgrade.length) continue;
    if (s.status === "failed" && s.output)
      out.push(detailsBlock(`IRIS output of the ${s.stage} stage`, s.output, "tail"));
  }
  return out;
}
function irisUpgradeBlocks(runs) {
  const upgrades = irisUpgradesOf(runs);
  if (upgrades.length === 0) return [];
  const rows = upgrades.map(
    (u) => `| IRIS ${markdownText(u.fromIrisVersion)} -> ${markdownText(u.toIrisVersion)} | ${STATUS_ICON[u.status]} ${u.status} | ${markdownText(u.message)} |`
  );
  const out = [
    fixed(`### IRIS upgrades (Durable %SYS)

| upgrade | result | detail |
|---|---|---|
${rows.join("\n")}

`)
  ];
  for (const u of upgrades) {
    if (!u.report) continue;
    const checks = u.report.checks.map(
      (c) => `- ${c.ok ? STATUS_ICON.passed : STATUS_ICON.failed} ${markdownText(c.name)}: ${markdownText(c.detail)}`
    );
    out.push(
      markdownDetails(
        `IRIS ${u.fromIrisVersion} -> ${u.toIrisVersion}: checks, fingerprints, update steps`,
        `${checks.join("\n")}

${upgradeDetails([u.report.scenario])}`
      )
    );
  }
  return out;
}
function artifactLine(a, links) {
  const url = artifactUrl(links.runUrl, a.id);
  const name = url ? markdownLink(a.name, url, { code: true }) : markdownCode(a.name);
  const what = a.zipped ? `${a.files.length} ${a.files.length === 1 ? "file" : "files"}, zipped` : "the archive itself, not zipped";
  return `${name} (${formatBytes(a.size)}, ${what})`;
}
function buildSummary(outcome2, limit = SUMMARY_LIMIT_BYTES) {
  const first = outcome2.runs.find((r) => r.module)?.module;
  const title = first ? `${first.name} ${first.version}` : "IPM database package";
  const blocks = [
    fixed(`## ${outcome2.ok ? STATUS_ICON.passed : STATUS_ICON.failed} ${markdownText(title)}

`)
  ];
  const truncationNoteIndex = blocks.length;
  if (outcome2.failure) {
    blocks.push(
      fixed(
        `> [!CAUTION]
> ${markdownText(outcome2.failure.message)}${outcome2.failure.hint ? `<br>${markdownText(outcome2.failure.hint)}` : ""}

`
      )
    );
    if (outcome2.failure.details) blocks.push(detailsBlock("Details", outcome2.failure.details, "tail"));
  }
  for (const n of outcome2.notices) blocks.push(fixed(`> [!NOTE]
> ${markdownText(n)}

`));
  if (outcome2.moduleSettings)
    blocks.push(
      fixed(
        `**Module settings** (${MODULE_SETTINGS_FILE})

${describeSettingsUse(outcome2.moduleSettings, "inputs").map((l) => `- ${markdownText(l)}`).join("\n")}

`
      )
    );
  if (outcome2.runs.length) blocks.push(fixed(overviewTable(outcome2.runs)));
  blocks.push(...irisUpgradeBlocks(outcome2.runs));
  for (const run3 of outcome2.runs) blocks.push(...runBlocks(run3, outcome2.links));
  if (outcome2.annotationOverflow.length) {
    blocks.push(fixed(`**More annotations (${outcome2.annotationOverflow.length} not shown inline)**

`));
    blocks.push(listBlock(outcome2.annotationOverflow));
  }
  if (outcome2.artifacts.length) {
    blocks.push(
      fixed(`**Artifacts**

${outcome2.artifacts.map((a) => `- ${artifactLine(a, outcome2.links)}`).join("\n")}

`)
    );
  }
  blocks.push(fixed(`<sub>Total ${formatDuration(outcome2.durationMs)}</sub>
`));
  const note = `> [!WARNING]
> Parts of this summary were shortened to stay under GitHub's 1 MiB job summary limit; the full output is in the artifacts.

`;
  const first_try = fit(blocks.map(cloneBlock), limit);
  if (!first_try.truncated) return first_try.text;
  blocks.splice(truncationNoteIndex, 0, fixed(note));
  return fit(blocks, limit).text;
}
function cloneBlock(b) {
  return { ...b };
}
async function writeSummary(markdown) {
  if (!process.env.GITHUB_STEP_SUMMARY) return false;
  await summary.addRaw(markdown).write();
  return true;
}

// src/action/core-io.ts
function actionsCore() {
  return {
    setOutput: (n, v) => setOutput(n, v),
    saveState: (n, v) => saveState(n, v),
    // core.info writes the text as it is; the other commands escape their data themselves.
    info: (m) => info(withoutWorkflowCommands(redact(m))),
    debug: (m) => debug(redact(m)),
    notice: (m) => notice(redact(m)),
    warning: (m) => warning(redact(m)),
    annotate: (a) => {
      const props = { title: a.title };
      if (a.file) props.file = a.file;
      if (a.startLine) props.startLine = a.startLine;
      (a.level === "error" ? error : warning)(redact(a.message), props);
    },
    group: (title, fn) => group(redact(title), fn),
    writeBlock: (title, lines) => {
      startGroup(redact(title));
      for (const l of lines) (l.level === "debug" ? debug : info)(redact(l.text));
      endGroup();
    },
    writeSummary
  };
}
function coreLogger(io, prefix) {
  return groupedLogger(
    {
      block: (title, lines) => io.writeBlock(title, lines),
      line: (l) => l.level === "debug" ? io.debug(l.text) : io.info(l.text)
    },
    prefix
  );
}

// src/action/image-cache.ts
import { mkdir as mkdir7, rm as rm7, stat as stat9 } from "node:fs/promises";
import { join as join17 } from "node:path";

// src/action/cache-store.ts
import { copyFile as copyFile3, mkdir as mkdir6 } from "node:fs/promises";
import { dirname as dirname3, join as join16 } from "node:path";
function actionsCacheStore(warn, env = process.env, budgetMs = 2e4) {
  const load = () => import("./chunks/action/cache-U6RRITDO.js");
  const bounded = async (what, op, fallback) => {
    let timer;
    const late = new Promise((resolve4) => {
      timer = setTimeout(() => resolve4("late"), budgetMs);
    });
    try {
      const result = await Promise.race([op(), late]);
      if (result === "late") {
        warn(`${what} took over ${formatDuration(budgetMs)} (cache service slow or unavailable); going on without it.`);
        return fallback;
      }
      return result;
    } catch (err) {
      warn(`${what} failed; going on without it: ${redact(errorMessage(err))}`);
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    // Mirrors cache.isFeatureAvailable() without loading the package.
    available: () => Boolean(env.ACTIONS_CACHE_SERVICE_V2 ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL),
    restore: (paths, key2) => bounded(`Cache restore of ${key2}`, async () => await (await load()).restoreCache(paths, key2) ?? null, null),
    save: (paths, key2) => bounded(`Cache save of ${key2}`, async () => await (await load()).saveCache(paths, key2) !== -1, false)
  };
}
function cacheKey(...parts) {
  return parts.map((p) => p.replace(/[^A-Za-z0-9._@:+-]+/g, "_")).join("-").slice(0, 512);
}
function actionsInstallerCache(store, dir) {
  const fileFor = (key2) => join16(dir, cacheKey(key2), "zpm.xml");
  return {
    async restore(key2, destination) {
      if (!store.available()) return false;
      const file = fileFor(key2);
      if (!await store.restore([dirname3(file)], cacheKey("ipm-db", key2))) return false;
      await copyFile3(file, destination);
      return true;
    },
    async save(key2, source) {
      if (!store.available()) return;
      const file = fileFor(key2);
      await mkdir6(dirname3(file), { recursive: true });
      await copyFile3(source, file);
      await store.save([dirname3(file)], cacheKey("ipm-db", key2));
    }
  };
}

// src/action/image-cache.ts
function imageTar(dir, image) {
  return join17(dir, `${cacheKey(image)}.tar`);
}
function imageCacheKey(image) {
  return cacheKey("ipm-db", "image", image);
}
async function restoreImage(image, dir, store, docker, warn) {
  if (!store.available()) return false;
  const tar = imageTar(dir, image);
  const hit = await store.restore([tar], imageCacheKey(image));
  if (!hit) return false;
  try {
    await docker(["load", "--input", tar], 6e5);
    return true;
  } catch (err) {
    warn(`docker load of the cached ${image} failed; it will be pulled: ${errorMessage(err)}`);
    return false;
  } finally {
    await rm7(tar, { force: true });
  }
}
async function saveImage(image, dir, store, docker, warn) {
  if (!store.available()) return false;
  const tar = imageTar(dir, image);
  try {
    await mkdir7(dir, { recursive: true });
    await docker(["image", "save", "--output", tar, image], 6e5);
    if (!(await stat9(tar)).size) return false;
    return await store.save([tar], imageCacheKey(image));
  } catch (err) {
    warn(`Could not cache the image ${image}: ${errorMessage(err)}`);
    return false;
  } finally {
    await rm7(tar, { force: true });
  }
}

// src/action/warm-cache.ts
import { rm as rm8, stat as stat10, mkdir as mkdir8 } from "node:fs/promises";
import { join as join18 } from "node:path";
async function imageId(docker, image) {
  const inspect = async () => (await docker(["image", "inspect", "--format", "{{.Id}}", image], 6e4)).stdout.trim();
  try {
    return await inspect();
  } catch {
    try {
      await docker(["pull", image], 6e5);
      return await inspect();
    } catch {
      return null;
    }
  }
}
async function restoreWarmImage(image, ipmPin, dir, store, docker, warn) {
  if (!store.available()) return null;
  const id = await imageId(docker, image);
  if (!id) return null;
  const key2 = warmImageKey(id, ipmPin, "USER");
  const entry = { tag: warmImageTag(key2), cacheKey: cacheKey("ipm-db", "warm", key2), restored: false };
  const tar = join18(dir, `${key2}.tar`);
  if (!await store.restore([tar], entry.cacheKey)) return entry;
  try {
    await docker(["load", "--input", tar], 6e5);
    entry.restored = true;
  } catch (err) {
    warn(`docker load of the cached warm IPM image ${entry.tag} failed; IPM is installed afresh: ${errorMessage(err)}`);
  } finally {
    await rm8(tar, { force: true });
  }
  return entry;
}
async function saveWarmImage(entry, dir, store, docker, warn) {
  if (entry.restored || !store.available()) return false;
  const tar = join18(dir, `${entry.tag.split(":").pop()}.tar`);
  try {
    await docker(["image", "inspect", "--format", "{{.Id}}", entry.tag], 6e4);
  } catch {
    return false;
  }
  try {
    await mkdir8(dir, { recursive: true });
    await docker(["image", "save", "--output", tar, entry.tag], 6e5);
    if (!(await stat10(tar)).size) return false;
    return await store.save([tar], entry.cacheKey);
  } catch (err) {
    warn(`Could not cache the warm IPM image ${entry.tag}: ${errorMessage(err)}`);
    return false;
  } finally {
    await rm8(tar, { force: true });
  }
}

// src/action/image-runs.ts
function irisKey(image, report) {
  if (report?.irisVersion) return report.irisVersion;
  return imageTag(image) ?? basename5(image);
}
function crashedReport(image, startedAt, stage, err) {
  const report = emptyReport(image, new Date(startedAt));
  report.durationMs = Date.now() - startedAt;
  report.stages = [stageFailure(stage, err, report.durationMs)];
  return report;
}
async function runImages(ctx) {
  const slots = containerSlots(ctx.inputs.parallel);
  const outcomes = await mapBounded(
    ctx.inputs.images,
    slots,
    (image, index) => runImage(ctx, slots, image, index),
    () => !ctx.signal.aborted
  );
  return outcomes.filter((o) => o !== void 0);
}
async function runImage(ctx, slots, image, index) {
  const { inputs, deps } = ctx;
  const { io } = deps;
  const outDir = join19(ctx.outRoot, sanitiseArtifactName(image));
  await mkdir9(outDir, { recursive: true });
  const prefix = `[${irisKey(image)}] `;
  const restoredFromCache = inputs.cacheImages && await restoreImage(image, ctx.imageCacheDir, deps.cache, deps.docker, (m) => io.warning(m));
  if (restoredFromCache) io.info(`${prefix}image restored from the cache`);
  const warm = inputs.warmIpmImage && ctx.ipmPin ? await restoreWarmImage(image, ctx.ipmPin, ctx.warmImageCacheDir, deps.cache, deps.docker, (m) => io.warning(m)) : null;
  if (warm?.restored) io.info(`${prefix}warm IPM image ${warm.tag} restored from the cache`);
  const startedAt = Date.now();
  let stage = "start";
  let outcome2;
  try {
    const result = await untilAborted(
      deps.pipeline.runImage(
        {
          image,
          workspace: inputs.workspace,
          moduleDir: inputs.moduleDir,
          outDir,
          ipmInstaller: ctx.ipmInstaller,
          warmIpmImage: inputs.warmIpmImage,
          dev: inputs.dev,
          interoperability: inputs.interoperability,
          exportPythonDeps: inputs.exportPythonDeps,
          runTests: inputs.runTests,
          // Only iris-upgrade asked for (upgrade-scenarios: iris-upgrade): no upgrade stage per version.
          upgrade: inputs.upgrade?.scenarios.length ? inputs.upgrade : null,
          timeouts: { startupMs: inputs.timeouts.startupMs, commandMs: inputs.timeouts.commandMs },
          keepContainer: inputs.keepContainer,
          recordTranscripts: inputs.recordTranscripts,
          runId: `${deps.runId}-${index + 1}`,
          onResource: (r) => ctx.ledger.record(r),
          onStage: (name) => stage = name,
          containerSlots: slots,
          signal: ctx.signal
        },
        coreLogger(io, prefix)
      ),
      ctx.signal,
      `the run on ${image}`
    );
    outcome2 = { image, report: result.report, outDir, logFiles: result.logFiles, restoredFromCache };
  } catch (err) {
    outcome2 = { image, report: crashedReport(image, startedAt, stage, err), outDir, logFiles: [], restoredFromCache };
  }
  if (inputs.moduleSettings) outcome2.report.moduleSettings = inputs.moduleSettings;
  if (warm) await saveWarmImage(warm, ctx.warmImageCacheDir, deps.cache, deps.docker, (m) => io.warning(m));
  const failed2 = outcome2.report.stages.find((s) => s.status === "failed");
  if (failed2) io.info(`${prefix}failed: ${failed2.stage}: ${failed2.message ?? "failed"}`);
  return outcome2;
}

// src/action/outputs.ts
import { mkdir as mkdir10, writeFile as writeFile4 } from "node:fs/promises";
import { join as join20 } from "node:path";
var REPORT_FILE = "ipm-db-report.json";
function outputsOf(runs, reportPath) {
  const first = runs.find((r) => r.archive);
  const mod = runs.find((r) => r.module)?.module;
  const published = runs.map((r) => r.published).filter((p) => p !== null);
  return {
    archive: first?.archive?.path ?? "",
    archives: JSON.stringify(runs.map((r) => r.archive?.path).filter(Boolean)),
    sha256: first?.archive?.sha256 ?? "",
    "iris-dat-sha256": first?.archive?.irisDatSha256 ?? "",
    "module-name": mod?.name ?? "",
    "module-version": mod?.version ?? "",
    "iris-versions": JSON.stringify(runs.map((r) => r.irisVersion).filter(Boolean)),
    "published-tags": JSON.stringify(published.map((p) => p.tag)),
    "published-references": JSON.stringify(published.map((p) => p.reference)),
    digests: JSON.stringify(published.map((p) => p.digest)),
    "round-trip": JSON.stringify(
      published.map((p) => ({ reference: p.reference, digest: p.roundTrip.digest, status: p.roundTrip.status }))
    ),
    "iris-upgrades": JSON.stringify(
      irisUpgradesOf(runs).map((u) => ({
        from: u.fromIrisVersion,
        to: u.toIrisVersion,
        status: u.status,
        message: u.message
      }))
    ),
    report: reportPath,
    result: JSON.stringify(
      runs.map((r) => ({
        image: r.image,
        irisVersion: r.irisVersion,
        ok: r.ok,
        ...r.skipped ? { skipped: r.skipped } : {},
        stages: r.stages.map((s) => ({
          stage: s.stage,
          status: s.status,
          durationMs: s.durationMs,
          message: s.message ?? null
        }))
      }))
    )
  };
}
function setOutputs(io, runs, reportPath) {
  for (const [name, value] of Object.entries(outputsOf(runs, reportPath))) io.setOutput(name, redact(value));
}
async function writeReports(outRoot, outcomes) {
  const reportPath = join20(outRoot, REPORT_FILE);
  await mkdir10(outRoot, { recursive: true }).catch(() => {
  });
  await writeJson(
    reportPath,
    outcomes.map((o) => o.report)
  );
  for (const { report, outDir } of outcomes) await writeJson(join20(outDir, REPORT_FILE), report);
  return reportPath;
}
async function writeJson(path, value) {
  await writeFile4(path, redact(JSON.stringify(value, null, 2)) + "\n").catch(() => {
  });
}

// src/action/artifacts.ts
function artifactServiceAvailable(env) {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL);
}
function defaultUploader() {
  return {
    async upload(name, files, rootDirectory, options) {
      if (options.skipArchive && (files.length !== 1 || basename6(files[0] ?? "") !== name))
        throw new Error(`an unzipped artifact is one file named as the artifact (${name})`);
      const { DefaultArtifactClient } = await import("./chunks/action/artifact-DLE7VYEJ.js");
      const client = new DefaultArtifactClient();
      const res = await client.uploadArtifact(name, files, rootDirectory, {
        ...options.retentionDays !== null ? { retentionDays: options.retentionDays } : {},
        ...options.skipArchive ? { skipArchive: true } : {}
      });
      return { id: res.id ?? null, size: res.size ?? 0 };
    }
  };
}
function shouldUpload(policy, runOk) {
  return policy === "always" || policy === "failure" && !runOk;
}
function sanitiseArtifactName(raw) {
  return raw.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/-{2,}/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 200);
}
function artifactName(prefix, iris, env, matrixJson) {
  const parts = [prefix, iris, env.GITHUB_JOB ?? "local"];
  if (matrixJson && matrixJson !== "null") {
    let values3 = [];
    try {
      const parsed = JSON.parse(matrixJson);
      if (parsed && typeof parsed === "object")
        values3 = Object.values(parsed).map((v) => typeof v === "string" ? v : JSON.stringify(v));
    } catch {
      values3 = [matrixJson];
    }
    const joined = sanitiseArtifactName(values3.join("-"));
    if (joined.length > 60)
      parts.push(`${joined.slice(0, 40)}-${createHash8("sha256").update(matrixJson).digest("hex").slice(0, 8)}`);
    else if (joined) parts.push(joined);
  }
  if (env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== "1") parts.push(`attempt${env.GITHUB_RUN_ATTEMPT}`);
  return sanitiseArtifactName(parts.join("-"));
}
function archiveArtifactName(runArtifact, archiveFileName) {
  const stem = sanitiseArtifactName(basename6(archiveFileName).replace(/\.tgz$/i, ""));
  return `${runArtifact}-${stem || "package"}.tgz`;
}
async function uploadRunFiles(uploader, name, files, rootDirectory, retentionDays) {
  const res = await uploader.upload(name, files, rootDirectory, { retentionDays, skipArchive: false });
  return { name, id: res.id, size: res.size, files, zipped: true };
}
async function uploadArchiveFile(uploader, name, archivePath, outDir, retentionDays) {
  const dir = join21(outDir, "unzipped-artifact");
  await rm9(dir, { recursive: true, force: true });
  await mkdir11(dir, { recursive: true });
  const file = join21(dir, name);
  await link(archivePath, file).catch(() => copyFile4(archivePath, file));
  try {
    const res = await uploader.upload(name, [file], dir, { retentionDays, skipArchive: true });
    return { name, id: res.id, size: res.size, files: [archivePath], zipped: false };
  } finally {
    await rm9(dir, { recursive: true, force: true });
  }
}
async function listFilesIn(dir) {
  const out = [];
  for (const e of await readdir4(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join21(dir, e.name);
    if (e.isDirectory()) out.push(...await listFilesIn(p));
    else out.push(p);
  }
  return out;
}
async function collectRunFiles(report, outDir, logFiles, withArchive = true) {
  const files = /* @__PURE__ */ new Set([join21(outDir, REPORT_FILE)]);
  const wanted = [
    withArchive ? report.archive?.path : void 0,
    report.junitPath,
    ...report.ok ? [] : logFiles
  ].filter((p) => Boolean(p));
  for (const p of wanted) {
    const rel = relative4(outDir, p);
    if (!rel.startsWith("..") && rel !== "") files.add(p);
    else {
      const copy = join21(outDir, basename6(p));
      await copyFile4(p, copy);
      files.add(copy);
    }
  }
  if (!report.ok) {
    for (const f of await listFilesIn(outDir)) if (/\.log$/i.test(f)) files.add(f);
  }
  for (const f of await listFilesIn(join21(outDir, "transcripts"))) files.add(f);
  const present = [];
  for (const f of files)
    if (await stat11(f).then(
      (s) => s.isFile(),
      () => false
    ))
      present.push(f);
  return present;
}
async function uploadArtifacts(outcomes, inputs, uploader, io, env, notice2) {
  const artifacts = [];
  const wanted = outcomes.filter((o) => shouldUpload(inputs.uploadArtifacts, o.report.ok));
  if (wanted.length === 0) return artifacts;
  if (!uploader) {
    notice2("Artifact upload skipped: not running in GitHub Actions (no results service).");
    return artifacts;
  }
  await io.group("Upload artifacts", async () => {
    for (const { report, outDir, logFiles } of wanted) {
      const name = artifactName(inputs.artifactName, irisKey(report.image, report), env, inputs.matrixKey);
      let archiveUploaded = false;
      if (report.archive?.path) {
        const archiveName = archiveArtifactName(name, report.archive.fileName);
        try {
          const up = await uploadArchiveFile(uploader, archiveName, report.archive.path, outDir, inputs.retentionDays);
          io.info(`Uploaded ${archiveName} (${up.size} bytes, not zipped)`);
          artifacts.push(up);
          archiveUploaded = true;
        } catch (err) {
          io.warning(
            `Uploading the archive as ${archiveName} failed (${redact(errorMessage(err))}); it goes into the zip artifact ${name}.`
          );
        }
      }
      try {
        const files = await collectRunFiles(report, outDir, logFiles, !archiveUploaded);
        const up = await uploadRunFiles(uploader, name, files, outDir, inputs.retentionDays);
        io.info(`Uploaded ${name} (${up.size} bytes, ${files.length} files)`);
        artifacts.push(up);
      } catch (err) {
        io.warning(`Uploading artifact ${name} failed: ${redact(errorMessage(err))}`);
      }
    }
  });
  return artifacts;
}

// src/action/docker-cli.ts
function dockerCommand(docker = new Docker()) {
  return async (args, timeoutMs) => {
    const { stdout } = await docker.check("docker-cache", `docker ${args[0] ?? ""}`.trim(), args, { timeoutMs });
    return { stdout };
  };
}
var dockerCli = dockerCommand();

// src/action/event.ts
import { readFileSync } from "node:fs";
function readEvent(env) {
  const name = env.GITHUB_EVENT_NAME;
  if (!name) return null;
  let payload = null;
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    } catch {
      payload = null;
    }
  }
  return { name, payload };
}
function fullName(repo) {
  return repo && typeof repo.full_name === "string" && repo.full_name ? repo.full_name : null;
}
function headRepository(event) {
  const payload = event.payload ?? {};
  const repository = fullName(payload.repository);
  const pr = payload.pull_request;
  if (pr && typeof pr === "object")
    return { head: fullName(pr.head?.repo), base: fullName(pr.base?.repo) ?? repository };
  const run3 = payload.workflow_run;
  if (run3 && typeof run3 === "object") return { head: fullName(run3.head_repository), base: repository };
  if (event.name.startsWith("pull_request") || event.name === "workflow_run") return { head: null, base: repository };
  return void 0;
}
function forkPullRequest(event, repository) {
  if (!event) return null;
  const found = headRepository(event);
  if (!found) return null;
  if (!found.head) return `a ${event.name} event whose head repository is unknown`;
  const base2 = found.base ?? repository;
  if (!base2 || found.head.toLowerCase() !== base2.toLowerCase()) return `a ${event.name} event from fork ${found.head}`;
  return null;
}

// src/action/inputs.ts
import { isAbsolute as isAbsolute2, resolve as resolve2 } from "node:path";

// src/action/licence-skip.ts
var LICENCE_POLICIES = ["fail", "skip"];
function skipExpiredLicence(report, policy) {
  if (policy !== "skip" || report.ok) return null;
  const start = report.stages.find((s) => s.stage === "start");
  if (start?.status !== "failed" || start.code !== LICENCE_EXPIRED) return null;
  report.skipped = { code: LICENCE_EXPIRED, reason: start.message ?? "the community licence has expired" };
  return `${report.image} skipped: its community licence has expired, so IRIS does not start (licence-expired: skip). Drop this version from the list, or add it to skip-versions.`;
}
function runCounts(report) {
  return report.ok || Boolean(report.skipped);
}

// src/pipeline/defaults.ts
var DEFAULT_IRIS_IMAGE = "containers.intersystems.com/intersystems/iris-community:2026.1";
var DEFAULT_IPM_GIT = {
  commit: "1193db1ca91e1c5116230a69f1a28e63bbee30d6",
  repository: DEFAULT_IPM_REPOSITORY
};

// src/util/setting-values.ts
var TRUE_FORMS = ["true", "True", "TRUE"];
var FALSE_FORMS = ["false", "False", "FALSE"];
var DURATION_PART_RE = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
var MAX_DURATION_MS = 2 ** 31 - 1;
var DURATION_FORMS = "a positive number with a unit, e.g. 90s, 10m or 1h30m (a bare number is seconds)";
function parseList(raw) {
  return raw.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0);
}
function parseDuration(raw) {
  const text = raw.trim();
  let total = 0;
  if (/^\d+(?:\.\d+)?$/.test(text)) total = Number(text) * 1e3;
  else if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(text)) return null;
  else for (const m of text.matchAll(DURATION_PART_RE)) total += Number(m[1]) * (UNIT_MS[m[2] ?? ""] ?? 0);
  const ms = Math.round(total);
  return ms > 0 && ms <= MAX_DURATION_MS ? ms : null;
}
function parseBoolean(raw) {
  const text = raw.trim();
  if (TRUE_FORMS.includes(text)) return true;
  if (FALSE_FORMS.includes(text)) return false;
  return null;
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
    previous = current;
  }
  return previous[b.length] ?? 0;
}
function closestName(name, known) {
  const wanted = name.toLowerCase();
  let best = null;
  for (const candidate of known) {
    const c = candidate.toLowerCase();
    const score = c.includes(wanted) || wanted.includes(c) ? Math.abs(c.length - wanted.length) / 4 : editDistance(wanted, c);
    if (!best || score < best.score) best = { name: candidate, score };
  }
  return best && best.score <= Math.max(3, wanted.length / 2) ? best.name : null;
}

// src/workflow/iris-versions.ts
var EXPIRED_COMMUNITY_TAGS = ["2023.2", "2023.3", "2024.3", "2025.1", "2025.2"];
var DEFAULT_LATEST = 2;
function parseVersionsRequest(raw) {
  const text = raw.trim();
  if (text === "" || text === "auto") return { kind: "auto" };
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(
      `iris-versions "${text}" is neither "auto" nor a JSON list.`,
      'Write auto, or a JSON list of image tags such as ["2024.1", "2025.3"].'
    );
  }
  if (!Array.isArray(parsed) || parsed.length === 0)
    throw new UsageError(
      `iris-versions ${text} is not a non-empty JSON list.`,
      'Write auto, or a JSON list of image tags such as ["2024.1", "2025.3"].'
    );
  const versions = [];
  for (const entry of parsed) {
    const tag = typeof entry === "number" ? String(entry) : entry;
    if (typeof tag !== "string" || !isTag(tag.trim()))
      throw new UsageError(
        `iris-versions entry ${JSON.stringify(entry)} is not an image tag.`,
        'Each entry is a tag of the IRIS image, e.g. "2025.3" (quote it: 2025.10 as a number would lose its 0).'
      );
    if (!versions.includes(tag.trim())) versions.push(tag.trim());
  }
  return { kind: "list", versions };
}
function parseIrisVersionsSetting(raw) {
  const text = raw.trim();
  if (text === "") return null;
  if (text === "auto" || text.startsWith("[")) return parseVersionsRequest(text);
  const versions = [];
  for (const tag of parseList(text)) {
    if (!isTag(tag))
      throw new UsageError(`iris-versions entry "${tag}" is not an image tag.`, "Write tags such as 2026.1.");
    if (!versions.includes(tag)) versions.push(tag);
  }
  return { kind: "list", versions };
}
function parseSkipList(raw, flavour) {
  const out = [];
  for (const token of raw.split(/[\s,]+/).filter(Boolean)) {
    if (token === "none") continue;
    if (token === "default") {
      if (isCommunityFlavour(flavour)) {
        for (const t of EXPIRED_COMMUNITY_TAGS) if (!out.includes(t)) out.push(t);
      }
      continue;
    }
    if (!isTag(token))
      throw new UsageError(
        `skip-versions entry "${token}" is not an image tag.`,
        'Write tags such as 2025.1, separated by commas; "default" adds the expired community tags, "none" skips nothing.'
      );
    if (!out.includes(token)) out.push(token);
  }
  return out;
}
function isCommunityFlavour(flavour) {
  return /-community(?:-arm64)?$/.test(flavour);
}
function parseLatest(raw) {
  const text = raw.trim();
  if (text === "") return DEFAULT_LATEST;
  if (!/^[1-9]\d{0,2}$/.test(text))
    throw new UsageError(
      `latest "${text}" is not a positive whole number.`,
      "Write e.g. 2 to run the two newest versions."
    );
  return Number(text);
}
function releaseKey(tag) {
  const release = parseIrisMajorMinor(tag);
  return release ? [release.major, release.minor] : null;
}
function releaseTags(tags) {
  const unique = [...new Set(tags.filter((t) => releaseKey(t) !== null))];
  return unique.sort((a, b) => {
    const [ay, an] = releaseKey(a);
    const [by, bn] = releaseKey(b);
    return by - ay || bn - an;
  });
}
function resolveAuto(tags, skip, latest) {
  const releases = releaseTags(tags);
  const skipped2 = releases.filter((t) => skip.includes(t));
  const usable = releases.filter((t) => !skip.includes(t));
  if (usable.length === 0)
    throw new IpmDbError(
      "iris-versions",
      releases.length === 0 ? "The registry lists no release tags (YYYY.N) for this image." : `Every release tag is in the skip list (${skipped2.join(", ")}).`,
      {
        hint: "Check iris-flavor and iris-image-registry, shorten skip-versions, or give iris-versions as a JSON list."
      }
    );
  return { versions: usable.slice(0, latest), skipped: skipped2, older: usable.slice(latest), warnings: [] };
}

// src/action/input-names.ts
var ACTION_INPUT_DEFAULTS = {
  "module-path": ".",
  "iris-images": "",
  "iris-versions": "",
  "iris-flavor": "iris-community",
  "iris-flavour": null,
  "skip-versions": "default",
  latest: "2",
  "iris-image-registry": "containers.intersystems.com/intersystems",
  interoperability: "",
  "ipm-git": "",
  "ipm-git-repository": "",
  "ipm-version": "",
  "ipm-installer": "",
  "ipm-sha256": "",
  "ipm-release-url": "https://github.com/intersystems/ipm/releases/download/v{version}/zpm-{version}.xml",
  dev: "",
  "export-python-deps": "",
  "run-tests": "",
  "upgrade-from": "",
  "upgrade-source": "",
  "upgrade-scenarios": "",
  "seed-methods": "",
  "check-methods": "",
  "upgrade-globals": "",
  "upgrade-exclude-globals": "",
  "declared-changes": "",
  publish: "false",
  registry: "ghcr.io",
  "registry-plain-http": "false",
  "registry-namespace": "${{ github.repository_owner }}",
  namespace: null,
  "registry-username": "${{ github.actor }}",
  username: null,
  "registry-token": "${{ github.token }}",
  token: null,
  "source-url": "${{ github.server_url }}/${{ github.repository }}",
  "overwrite-tags": "false",
  force: null,
  "allow-prerelease": "false",
  summary: "true",
  "upload-artifacts": "always",
  "artifact-prefix": "ipm-db",
  "retention-days": "",
  "artifact-name": null,
  "matrix-key": "",
  "licence-expired": "",
  "warm-ipm-image": "false",
  "cache-images": "false",
  "startup-timeout": "5m",
  "command-timeout": "15m",
  "run-timeout": "60m",
  timeout: null,
  parallel: "",
  "record-transcripts": "false",
  "keep-container": "false"
};
var DEPRECATED_INPUTS = {
  "iris-flavour": "iris-flavor",
  namespace: "registry-namespace",
  username: "registry-username",
  token: "registry-token",
  force: "overwrite-tags",
  "artifact-name": "artifact-prefix",
  timeout: "run-timeout"
};

// src/action/input-vocabulary.ts
var FORMER_NAMES = /* @__PURE__ */ new Map();
for (const [former, current] of Object.entries(DEPRECATED_INPUTS))
  FORMER_NAMES.set(current, [...FORMER_NAMES.get(current) ?? [], former]);
var CURRENT_NAMES = Object.keys(ACTION_INPUT_DEFAULTS).filter((name) => !(name in DEPRECATED_INPUTS));
function isDefaultValue(name, value, env) {
  const fallback = ACTION_INPUT_DEFAULTS[name];
  if (fallback === void 0 || fallback === null) return false;
  switch (fallback) {
    case "${{ github.repository_owner }}":
      return value === (env.GITHUB_REPOSITORY_OWNER ?? "");
    case "${{ github.actor }}":
      return value === (env.GITHUB_ACTOR ?? "");
    case "${{ github.token }}":
      return /^ghs_[A-Za-z0-9_]+$/.test(value);
    default:
      return value === fallback;
  }
}
function inputVocabulary(source, problem) {
  const warned = /* @__PURE__ */ new Set();
  const conflicts = /* @__PURE__ */ new Set();
  return {
    get(name) {
      const value = source.get(name);
      for (const former of FORMER_NAMES.get(name) ?? []) {
        const old = source.get(former);
        if (old.trim() === "") continue;
        if (!warned.has(former)) warned.add(former);
        const current = value.trim();
        if (current === "" || current === old.trim() || isDefaultValue(name, current, source.env)) return old;
        if (!conflicts.has(former)) {
          conflicts.add(former);
          problem(name, `and its former name "${former}" are both given, with different values; keep only ${name}.`);
        }
      }
      return value;
    },
    warnings: () => [...warned].map(
      (former) => `Input "${former}" is deprecated; rename it to "${DEPRECATED_INPUTS[former]}" (same value).`
    ),
    unknown() {
      const known = new Set(Object.keys(ACTION_INPUT_DEFAULTS).map((n) => n.toUpperCase()));
      const out = [];
      for (const key2 of Object.keys(source.env).sort()) {
        if (!key2.startsWith("INPUT_")) continue;
        const upper = key2.slice("INPUT_".length);
        if (known.has(upper)) continue;
        const name = upper.toLowerCase();
        const closest = closestName(name.replace(/_/g, "-"), CURRENT_NAMES);
        out.push({
          name,
          message: `is not an input of this action (set as ${key2})${closest ? `; did you mean "${closest}"?` : "."} Every input is listed in action.yml.`
        });
      }
      return out;
    }
  };
}

// src/action/inputs.ts
var UPLOAD_POLICIES = ["always", "failure", "never"];
var REGISTRY_RE = /^[a-z0-9][a-z0-9.-]*(?::[0-9]{1,5})?(?:\/[a-z0-9][a-z0-9._-]*)*$/;
var NAMESPACE_RE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;
var ARTIFACT_NAME_RE = /^[A-Za-z0-9._-]{1,60}$/;
var MAX_RETENTION_DAYS = 90;
function parseRetentionDays(raw) {
  const text = raw.trim();
  if (text === "") return null;
  if (!/^\d{1,3}$/.test(text)) return void 0;
  const days = Number(text);
  return days >= 1 && days <= MAX_RETENTION_DAYS ? days : void 0;
}
function workspaceOf(source) {
  return source.env.GITHUB_WORKSPACE || process.cwd();
}
function modulePathInput(source) {
  const workspace = workspaceOf(source);
  const raw = source.get("module-path").trim() || ".";
  return isAbsolute2(raw) ? raw : resolve2(workspace, raw);
}
async function readActionInputs(source) {
  const moduleDir = modulePathInput(source);
  return parseInputs(source, await readModuleSettings(moduleDir, settingsFileLabel(workspaceOf(source), moduleDir)));
}
function parseInputs(given, settings = NO_MODULE_SETTINGS) {
  for (const name of ["registry-token", "token"]) {
    const secret = given.get(name).trim();
    if (secret) {
      given.setSecret(secret);
      registerSecret(secret);
    }
  }
  const problems = [];
  const problem = (input, text) => problems.push({ field: input, message: text });
  const vocabulary = inputVocabulary(given, problem);
  const source = { ...given, get: vocabulary.get };
  const token = source.get("registry-token").trim();
  const merged = mergeModuleSettings(settings, (name) => source.get(name).trim() || void 0);
  const value = (name) => merged.text(name) ?? "";
  const bool = (name, fallback) => {
    const raw = value(name).trim();
    if (raw === "") return fallback;
    const parsed = parseBoolean(raw);
    if (parsed === null) problem(name, `"${raw}" is not a boolean; write true or false.`);
    return parsed ?? fallback;
  };
  const duration = (name, fallback) => {
    const raw = source.get(name).trim() || fallback;
    const ms = parseDuration(raw);
    if (ms === null) {
      problem(name, `"${raw}" is not a duration of at most 596h; write ${DURATION_FORMS}.`);
      return parseDuration(fallback) ?? 0;
    }
    return ms;
  };
  const workspace = workspaceOf(source);
  const inWorkspace = (name, raw) => {
    const abs = isAbsolute2(raw) ? raw : resolve2(workspace, raw);
    if (/[\0\n\r]/.test(raw)) problem(name, "contains a control character.");
    return abs;
  };
  const moduleDir = modulePathInput(source);
  if (/[\0\n\r]/.test(moduleDir)) problem("module-path", "contains a control character.");
  const { images, autoVersions } = imageList(source, problem);
  const ipm = ipmSource(source, problem, inWorkspace);
  const dev = bool("dev", false);
  const interoperability = bool("interoperability", false);
  const exportPythonDeps = bool("export-python-deps", true);
  const runTests = bool("run-tests", false);
  const publishRaw = source.get("publish").trim();
  let publishAsked = false;
  if (publishRaw === "true") publishAsked = true;
  else if (publishRaw !== "" && publishRaw !== "false")
    problem("publish", `"${publishRaw}" is not accepted; publishing needs exactly true (anything else: false).`);
  const registry = source.get("registry").trim().replace(/\/+$/, "") || "ghcr.io";
  if (!REGISTRY_RE.test(registry))
    problem("registry", `"${registry}" is not a registry host; write e.g. ghcr.io or localhost:5000/prefix.`);
  const registryPlainHttp = bool("registry-plain-http", false);
  if (registryPlainHttp && !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/.test(registry))
    problem(
      "registry-plain-http",
      `is true but ${registry} is not a loopback registry; HTTP would send the token in clear text.`
    );
  const namespaceRaw = source.get("registry-namespace").trim() || source.env.GITHUB_REPOSITORY_OWNER || "";
  const namespace = namespaceRaw.toLowerCase();
  const namespaceOk = namespace !== "" && NAMESPACE_RE.test(namespace);
  if (publishAsked && !namespace)
    problem("registry-namespace", "is empty; set it to the registry owner (e.g. your GitHub user or organisation).");
  if (namespace && !namespaceOk)
    problem(
      "registry-namespace",
      `"${namespaceRaw}" is not a registry namespace (letters, digits, ".", "_", "-", "/").`
    );
  const upgrade = upgradeOptions(value, problem, inWorkspace, namespaceOk ? { registry, namespace } : null);
  const username = source.get("registry-username").trim() || source.env.GITHUB_ACTOR || "";
  const sourceUrlRaw = source.get("source-url").trim();
  let sourceUrl = null;
  if (sourceUrlRaw) {
    if (/^https?:\/\/[^\s/]+\/?\S*$/.test(sourceUrlRaw) && !/^https?:\/\/\/?$/.test(sourceUrlRaw))
      sourceUrl = sourceUrlRaw;
    else problem("source-url", `"${sourceUrlRaw}" is not an http(s) URL.`);
  }
  const force = bool("overwrite-tags", false);
  const allowPrerelease = bool("allow-prerelease", false);
  const summary2 = bool("summary", true);
  const uploadRaw = source.get("upload-artifacts").trim() || "always";
  let uploadArtifacts2 = "always";
  if (UPLOAD_POLICIES.includes(uploadRaw)) uploadArtifacts2 = uploadRaw;
  else problem("upload-artifacts", `"${uploadRaw}" is not a policy; use always, failure or never.`);
  const artifactName2 = source.get("artifact-prefix").trim() || "ipm-db";
  if (!ARTIFACT_NAME_RE.test(artifactName2))
    problem("artifact-prefix", `"${artifactName2}" may hold only letters, digits, ".", "_" and "-" (at most 60).`);
  const retentionRaw = source.get("retention-days").trim();
  const retentionDays = parseRetentionDays(retentionRaw);
  if (retentionDays === void 0)
    problem(
      "retention-days",
      `"${retentionRaw}" is not a number of days; write a whole number from 1 to ${MAX_RETENTION_DAYS}, or leave it empty for the repository's default.`
    );
  const matrixKey = source.get("matrix-key").trim();
  const cacheImages = bool("cache-images", false);
  const warmIpmImage = bool("warm-ipm-image", false);
  const timeouts = {
    startupMs: duration("startup-timeout", "5m"),
    commandMs: duration("command-timeout", "15m"),
    totalMs: duration("run-timeout", "60m")
  };
  const parallelRaw = source.get("parallel").trim();
  let parallel = defaultParallel(source.machine ?? thisMachine());
  if (parallelRaw) {
    if (/^[1-9]\d{0,2}$/.test(parallelRaw)) parallel = Number(parallelRaw);
    else
      problem("parallel", `"${parallelRaw}" is not a number of IRIS containers; write a whole number from 1, e.g. 2.`);
  }
  const keepContainer = bool("keep-container", false);
  const recordTranscripts = bool("record-transcripts", false);
  const licenceRaw = source.get("licence-expired").trim() || (autoVersions ? "skip" : "fail");
  const licenceExpired = LICENCE_POLICIES.includes(licenceRaw) ? licenceRaw : "fail";
  if (licenceExpired !== licenceRaw) problem("licence-expired", `"${licenceRaw}" is not accepted; use fail or skip.`);
  let publish = publishAsked;
  let publishRefused = null;
  if (publishAsked) {
    const fork = forkPullRequest(source.event, source.env.GITHUB_REPOSITORY);
    if (fork) {
      publish = false;
      publishRefused = `publishing is refused on ${fork}: its token must not write packages.`;
    } else {
      if (!token) problem("registry-token", "is empty but publish is true; pass a token with packages: write.");
      if (ipm.kind === "installer" && ipm.sha256 === null)
        problem("ipm-sha256", "is required when publishing with ipm-installer (a release must pin its IPM).");
    }
  }
  for (const unknown of vocabulary.unknown()) problem(unknown.name, unknown.message);
  const error2 = settingsError(problems, merged, {
    name: (input) => `input "${input}"`,
    header: "Invalid action inputs:",
    hint: 'Fix the "with:" block of this step; every input is described in action.yml and docs/action.md.'
  });
  if (error2) throw error2;
  return {
    workspace,
    moduleDir,
    images,
    autoVersions,
    ipm,
    dev,
    interoperability,
    exportPythonDeps,
    runTests,
    upgrade,
    publish,
    publishRefused,
    registry,
    registryPlainHttp,
    namespace,
    username,
    token,
    sourceUrl,
    force,
    allowPrerelease,
    summary: summary2,
    uploadArtifacts: uploadArtifacts2,
    artifactName: artifactName2,
    retentionDays: retentionDays ?? null,
    matrixKey,
    cacheImages,
    warmIpmImage,
    licenceExpired,
    timeouts,
    parallel,
    keepContainer,
    recordTranscripts,
    moduleSettings: merged.use,
    warnings: vocabulary.warnings()
  };
}
function problemText(err) {
  return err instanceof IpmDbError && err.hint ? `${err.message.replace(/\.$/, "")}. ${err.hint}` : errorMessage(err);
}
function imageList(source, problem) {
  const explicit = parseList(source.get("iris-images"));
  const versionsRaw = source.get("iris-versions").trim();
  const registry = source.get("iris-image-registry").trim().replace(/\/+$/, "") || "containers.intersystems.com/intersystems";
  const flavor = source.get("iris-flavor").trim() || "iris-community";
  const auto = autoSettings(source, problem, registry, flavor);
  const images = [];
  if (explicit.length) {
    for (const image of explicit) {
      if (isImageReference(image)) images.push(image);
      else
        problem(
          "iris-images",
          `"${image}" is not an image reference; write e.g. containers.intersystems.com/intersystems/iris-community:2026.1.`
        );
    }
  } else if (versionsRaw) {
    let request = null;
    try {
      request = parseIrisVersionsSetting(versionsRaw);
    } catch (err) {
      problem("iris-versions", problemText(err));
    }
    if (!isImageReference(`${registry}/${flavor}:latest`))
      problem(
        "iris-flavor",
        `"${registry}/${flavor}" does not make an image name; check iris-image-registry and iris-flavor.`
      );
    else if (request?.kind === "auto") return { images: [], autoVersions: auto };
    else if (request) images.push(...request.versions.map((version2) => `${registry}/${flavor}:${version2}`));
  } else {
    images.push(DEFAULT_IRIS_IMAGE);
  }
  const seen = /* @__PURE__ */ new Set();
  return { images: images.filter((i) => !seen.has(i) && seen.add(i)), autoVersions: null };
}
function autoSettings(source, problem, imageRegistry, flavor) {
  const settle = (name, parse, fallback) => {
    try {
      return parse();
    } catch (err) {
      problem(name, problemText(err));
      return fallback;
    }
  };
  return {
    imageRegistry,
    flavor,
    skip: settle("skip-versions", () => parseSkipList(source.get("skip-versions").trim() || "default", flavor), []),
    latest: settle("latest", () => parseLatest(source.get("latest")), 2)
  };
}
function ipmSource(source, problem, inWorkspace) {
  const version2 = source.get("ipm-version").trim();
  const installer = source.get("ipm-installer").trim();
  const sha = source.get("ipm-sha256").trim();
  const releaseUrl = source.get("ipm-release-url").trim() || IPM_RELEASE_URL;
  if (sha && !isSha256Hex(sha)) problem("ipm-sha256", "must be 64 hexadecimal digits (the output of sha256sum).");
  if (sha && !installer && !version2) problem("ipm-sha256", "is set but neither ipm-installer nor ipm-version is.");
  if (version2 && installer) {
    problem("ipm-version", "and ipm-installer are both set; keep only one.");
    return { kind: "image" };
  }
  const git2 = source.get("ipm-git").trim();
  const gitRepository = source.get("ipm-git-repository").trim();
  if (git2 && (version2 || installer)) {
    problem("ipm-git", `and ${version2 ? "ipm-version" : "ipm-installer"} are both set; keep only one.`);
    return { kind: "image" };
  }
  if (gitRepository && (!git2 || git2 === "none"))
    problem("ipm-git-repository", "is set but ipm-git does not name a commit.");
  if (git2 === "none") return { kind: "image" };
  if (git2 || !version2 && !installer) {
    if (!git2) return { kind: "git", ...DEFAULT_IPM_GIT };
    try {
      return {
        kind: "git",
        commit: parseIpmCommit(git2, "ipm-git"),
        repository: parseIpmRepository(gitRepository, "ipm-git-repository")
      };
    } catch (err) {
      problem("ipm-git", problemText(err));
      return { kind: "image" };
    }
  }
  if (version2) {
    if (!isSemver(version2)) problem("ipm-version", `"${version2}" is not an IPM version; write e.g. 0.10.10.`);
    if (!sha)
      problem("ipm-sha256", `is required with ipm-version: the SHA-256 of zpm-${version2}.xml from the release.`);
    if (!/^https?:\/\/\S+$/.test(releaseUrl) || !releaseUrl.includes("{version}"))
      problem("ipm-release-url", `"${releaseUrl}" must be an http(s) URL containing {version}.`);
    return { kind: "version", version: version2, sha256: sha.toLowerCase(), releaseUrl };
  }
  if (installer) {
    if (!/\.xml$/i.test(installer))
      problem("ipm-installer", `"${installer}" is not an installer XML (zpm-<version>.xml).`);
    return { kind: "installer", path: inWorkspace("ipm-installer", installer), sha256: sha ? sha.toLowerCase() : null };
  }
  return { kind: "image" };
}
function upgradeOptions(value, problem, inWorkspace, pullFrom) {
  const text = Object.fromEntries(UPGRADE_FIELDS.map((field) => [field, value(field)]));
  const { options, problems } = readUpgradeOptions(text, {
    resolvePath: (path, field) => inWorkspace(field, path),
    pullFrom
  });
  for (const p of problems) problem(p.field, p.message);
  return options;
}

// src/action/settings-annotations.ts
import { isAbsolute as isAbsolute3 } from "node:path";
function settingsAnnotations(problems) {
  return problems.map((p) => {
    const inRepository = !isAbsolute3(p.file);
    const a = {
      level: "error",
      title: `${MODULE_SETTINGS_FILE}${p.key === null ? "" : `: ${p.key}`}`,
      message: inRepository ? `${p.key === null ? "" : `${p.key}: `}${p.message}` : formatSettingsProblem(p)
    };
    if (inRepository) {
      a.file = p.file;
      a.startLine = p.line;
    }
    return a;
  });
}

// src/oci/registry-error.ts
var RegistryError = class _RegistryError extends IpmDbError {
  method;
  url;
  status;
  codes;
  constructor(code, message, facts, options = {}) {
    super(code, redact(message), options);
    this.name = "RegistryError";
    this.method = facts.method;
    this.url = facts.url;
    this.status = facts.status;
    this.codes = facts.codes;
  }
  get facts() {
    return { method: this.method, url: this.url, status: this.status, codes: this.codes };
  }
  /** The same error with a hint (the caller's words); an existing hint is kept after it. */
  withHint(hint) {
    const joined = this.hint ? `${hint} ${this.hint}` : hint;
    const copy = new _RegistryError(this.code, this.message, this.facts, {
      hint: joined,
      ...this.details !== void 0 ? { details: this.details } : {},
      cause: this.cause
    });
    return copy;
  }
};
function urlForMessage(url) {
  return `${url.origin}${url.pathname}`;
}
function parseRegistryErrorCodes(body) {
  try {
    const parsed = JSON.parse(body.toString("utf8"));
    if (!Array.isArray(parsed.errors)) return [];
    return parsed.errors.map((e) => ({
      code: typeof e?.code === "string" ? e.code : "",
      message: typeof e?.message === "string" ? e.message : ""
    }));
  } catch {
    return [];
  }
}
function registryResponseError(code, what, response) {
  const codes = parseRegistryErrorCodes(response.body);
  const text = codes.length > 0 ? codes.map((c) => [c.code, c.message].filter(Boolean).join(": ")).join("; ") : response.body.toString("utf8").slice(0, 200).trim();
  return new RegistryError(code, `${what}: HTTP ${response.status}${text ? ` (${text})` : ""}`, {
    method: response.method,
    url: urlForMessage(response.url),
    status: response.status,
    codes
  });
}
function registryTrouble(err) {
  if (!(err instanceof RegistryError)) return void 0;
  if (err.code === "registry-tls") return "tls";
  if (err.code === "registry-host-unknown") return "host-unknown";
  if (err.code === "registry-credentials-missing") return "credentials-missing";
  if (err.code === "registry-insecure-url") return void 0;
  if (err.status === null) return "unreachable";
  if (err.status === 401) return "credentials-refused";
  if (err.status === 403) return "forbidden";
  return void 0;
}

// src/oci/access.ts
var sameHost = (a, b) => a.toLowerCase() === b.toLowerCase();
function registryAccess(o) {
  const extra = o.onSecret;
  const onSecret = (value) => {
    registerSecret(value);
    extra?.(value);
  };
  const source = o.credentialsFor ?? (() => void 0);
  return {
    host: validateRegistryHost(o.host),
    namespace: o.namespace ?? "",
    plainHttp: o.plainHttp ?? false,
    credentialsFor: (host) => {
      const credentials = source(host);
      if (credentials) onSecret(credentials.password);
      return credentials;
    },
    onSecret
  };
}
function credentialsOnlyFor(host, credentials) {
  return (h) => credentials && sameHost(h, host) ? credentials : void 0;
}
function firstCredentials(...sources) {
  return (host) => {
    for (const source of sources) {
      const found = source(host);
      if (found) return found;
    }
    return void 0;
  };
}
function accessForHost(access2, host) {
  if (sameHost(host, access2.host)) return access2;
  const hostname = (h) => new URL(`http://${h}/`).hostname;
  return {
    ...access2,
    host: validateRegistryHost(host),
    namespace: "",
    plainHttp: access2.plainHttp && hostname(host) === hostname(access2.host)
  };
}
var OriginPolicy = class {
  constructor(access2) {
    this.access = access2;
    this.baseUrl = new URL(`${access2.plainHttp ? "http" : "https"}://${access2.host}/`);
  }
  access;
  baseUrl;
  mayUse(url) {
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && this.access.plainHttp && url.hostname === this.baseUrl.hostname;
  }
  mayCarryCredentials(url) {
    return url.origin === this.baseUrl.origin;
  }
  /** Throws when `url` (a Location, a Link page, a token realm, a redirect) may not be used. */
  check(url, what, method = "GET") {
    if (this.mayUse(url)) return url;
    throw new RegistryError(
      "registry-insecure-url",
      `${what}: ${this.access.host} sent the client to ${urlForMessage(url)}, which is not https`,
      { method, url: urlForMessage(url), status: null, codes: [] },
      {
        hint: "Nothing was sent there. Plain HTTP is only used for a host it was enabled for."
      }
    );
  }
};

// src/oci/client.ts
import { createHash as createHash10 } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename as rename3, rm as rm10 } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

// src/oci/media-types.ts
var OCI_MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
var OCI_INDEX_MEDIA_TYPE = "application/vnd.oci.image.index.v1+json";
var DOCKER_MANIFEST_MEDIA_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
var DOCKER_MANIFEST_LIST_MEDIA_TYPE = "application/vnd.docker.distribution.manifest.list.v2+json";
var IPM_CONFIG_MEDIA_TYPE = "application/vnd.unknown.config.v1+json";
var IPM_LAYER_MEDIA_TYPE = "application/vnd.oci.image.layer.v1.tar";
var TITLE_ANNOTATION = "org.opencontainers.image.title";
var MANIFEST_ACCEPT = [
  OCI_MANIFEST_MEDIA_TYPE,
  OCI_INDEX_MEDIA_TYPE,
  DOCKER_MANIFEST_MEDIA_TYPE,
  DOCKER_MANIFEST_LIST_MEDIA_TYPE
].join(", ");

// src/util/log.ts
var silentLogger = {
  info: () => {
  },
  warn: () => {
  },
  error: () => {
  },
  debug: () => {
  },
  group: (_title, fn) => fn()
};

// src/oci/challenge.ts
function parseChallenges(header) {
  if (!header) return [];
  const out = [];
  let i = 0;
  const s = header;
  const skip = () => {
    while (i < s.length && (s[i] === " " || s[i] === "	" || s[i] === ",")) i++;
  };
  while (i < s.length) {
    skip();
    const schemeMatch = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+/.exec(s.slice(i));
    if (!schemeMatch) break;
    const challenge = { scheme: schemeMatch[0].toLowerCase(), params: {} };
    i += schemeMatch[0].length;
    out.push(challenge);
    for (; ; ) {
      skip();
      const param = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*=\s*/.exec(s.slice(i));
      if (!param || !param[1]) break;
      i += param[0].length;
      let value = "";
      if (s[i] === '"') {
        i++;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === "\\" && i + 1 < s.length) i++;
          value += s[i];
          i++;
        }
        i++;
      } else {
        const token = /^[^,\s]*/.exec(s.slice(i));
        value = token ? token[0] : "";
        i += value.length;
      }
      challenge.params[param[1].toLowerCase()] = value;
    }
  }
  return out;
}

// src/oci/auth.ts
var Authenticator = class {
  constructor(policy, fetchToken) {
    this.policy = policy;
    this.fetchToken = fetchToken;
    const access2 = policy.access;
    this.credentials = access2.credentialsFor(access2.host);
    if (this.credentials) {
      const encoded = Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString("base64");
      access2.onSecret(this.credentials.password);
      access2.onSecret(encoded);
      this.basic = `Basic ${encoded}`;
    }
  }
  policy;
  fetchToken;
  credentials;
  basic;
  /** Authorization header value per repository+scope once a challenge was answered. */
  answered = /* @__PURE__ */ new Map();
  basicOnly = false;
  get hasCredentials() {
    return this.credentials !== void 0;
  }
  /** The Authorization value for a request to the registry's own origin, if any. */
  header(repository, scope) {
    return this.answered.get(`${repository}|${scope}`) ?? (this.basicOnly ? this.basic : void 0);
  }
  /** After a 401: answers its challenge; false when there is nothing better to send than before. */
  async answer(response, repository, scope, method) {
    const key2 = `${repository}|${scope}`;
    this.answered.delete(key2);
    const header = response.headers["www-authenticate"];
    const challenges = parseChallenges(Array.isArray(header) ? header[0] : header);
    const bearer = challenges.find((c) => c.scheme === "bearer");
    if (bearer?.params.realm) {
      const token = await this.requestToken(bearer.params, repository, scope);
      this.answered.set(key2, `Bearer ${token}`);
      return true;
    }
    if (challenges.some((c) => c.scheme === "basic")) {
      if (!this.basic) {
        throw new RegistryError(
          "registry-credentials-missing",
          `${this.policy.access.host} requires a user name and password`,
          {
            method,
            url: urlForMessage(response.url),
            status: 401,
            codes: []
          }
        );
      }
      if (this.basicOnly) return false;
      this.basicOnly = true;
      return true;
    }
    return false;
  }
  async requestToken(params, repository, scope) {
    let realm;
    try {
      realm = new URL(params.realm ?? "");
    } catch {
      throw new RegistryError("registry-auth", `${this.policy.access.host} named a token realm that is not a URL`, {
        method: "GET",
        url: this.policy.baseUrl.toString(),
        status: 401,
        codes: []
      });
    }
    this.policy.check(realm, "token realm");
    if (params.service) realm.searchParams.set("service", params.service);
    const wanted = repository ? `repository:${repository}:${scope}` : params.scope;
    if (wanted) realm.searchParams.set("scope", wanted);
    const headers = { Accept: "application/json" };
    if (this.basic) headers.Authorization = this.basic;
    const res = await this.fetchToken(realm, headers);
    if (res.status !== 200) {
      throw registryResponseError("registry-auth", `getting a token from ${urlForMessage(realm)} failed`, {
        method: "GET",
        url: realm,
        status: res.status,
        body: res.body
      });
    }
    let token;
    try {
      const parsed = JSON.parse(res.body.toString("utf8"));
      const value = parsed.token ?? parsed.access_token;
      token = typeof value === "string" && value.length > 0 ? value : void 0;
    } catch {
      token = void 0;
    }
    if (!token) {
      throw new RegistryError("registry-auth", `the token service at ${realm.origin} sent no token`, {
        method: "GET",
        url: urlForMessage(realm),
        status: res.status,
        codes: []
      });
    }
    this.policy.access.onSecret(token);
    return token;
  }
};

// src/oci/retry.ts
var DEFAULT_RETRY_POLICY = {
  maxAttempts: 6,
  maxTotalMs: 12e4,
  baseDelayMs: 500,
  maxDelayMs: 2e4
};
var RETRYABLE_STATUS = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);
var RETRYABLE_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET"
]);
function isRetryableStatus(status) {
  return RETRYABLE_STATUS.has(status);
}
function isRetryableNetworkError(err) {
  const code = err?.code;
  if (typeof code === "string" && RETRYABLE_CODES.has(code)) return true;
  return err instanceof Error && /socket hang up|aborted/i.test(err.message);
}
function parseRetryAfter(value, now = Date.now()) {
  if (value === void 0) return void 0;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1e3;
  const when = Date.parse(text);
  if (Number.isNaN(when)) return void 0;
  return Math.max(0, when - now);
}
function nextRetryDelay(policy, attempt, elapsedMs, retryAfterMs, random = Math.random) {
  if (attempt >= policy.maxAttempts) return void 0;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const delay = retryAfterMs !== void 0 ? retryAfterMs : Math.round(ceiling / 2 + random() * ceiling / 2);
  if (elapsedMs + delay > policy.maxTotalMs) return void 0;
  return delay;
}

// src/oci/transport.ts
import http from "node:http";
import https from "node:https";
var httpAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
var httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 8 });
var MAX_BUFFERED_BODY = 16 * 1024 * 1024;
var MAX_REDIRECTS = 5;
var REDIRECT_STATUS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
function sendOnce(req) {
  return new Promise((resolve4, reject) => {
    const mod = req.url.protocol === "https:" ? https : http;
    const headers = { ...req.headers };
    if (req.body !== void 0) headers["Content-Length"] = req.body.length;
    else if (req.method === "PUT" || req.method === "POST" || req.method === "PATCH") headers["Content-Length"] = 0;
    let settled = false;
    let bodySent = req.body === void 0 || Buffer.isBuffer(req.body);
    const outgoing = mod.request(
      req.url,
      { method: req.method, headers, agent: req.url.protocol === "https:" ? httpsAgent : httpAgent },
      (res) => {
        settled = true;
        if (!bodySent) res.on("end", () => outgoing.destroy());
        resolve4(res);
      }
    );
    outgoing.setTimeout(req.idleTimeoutMs ?? 6e4, () => {
      outgoing.destroy(
        Object.assign(new Error(`no data from ${req.url.host} for ${req.idleTimeoutMs ?? 6e4} ms`), {
          code: "ETIMEDOUT"
        })
      );
    });
    outgoing.on("error", (err) => {
      if (!settled) {
        settled = true;
        reject(err);
      }
    });
    if (req.body === void 0) outgoing.end();
    else if (Buffer.isBuffer(req.body)) outgoing.end(req.body);
    else {
      const source = req.body.open();
      source.on("error", (err) => outgoing.destroy(err));
      outgoing.on("finish", () => bodySent = true);
      outgoing.on("close", () => source.destroy());
      source.pipe(outgoing);
    }
  });
}
async function readBody(res, limit = MAX_BUFFERED_BODY) {
  const chunks = [];
  let size = 0;
  for await (const chunk of res) {
    size += chunk.length;
    if (size > limit) {
      res.destroy();
      throw new IpmDbError(
        "registry-response-too-large",
        `the registry sent more than ${limit} bytes where a small document was expected`
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
async function exchange(req, opts = {}) {
  let current = req;
  for (let hop = 0; ; hop++) {
    const res = await sendOnce(current);
    const location = res.headers.location;
    const status = res.statusCode ?? 0;
    if (REDIRECT_STATUS.has(status) && location && (current.method === "GET" || current.method === "HEAD")) {
      res.resume();
      if (hop >= MAX_REDIRECTS)
        throw new IpmDbError("registry-redirects", `more than ${MAX_REDIRECTS} redirects from ${req.url.origin}`);
      const next = new URL(location, current.url);
      current.checkRedirect?.(next);
      const headers = { ...current.headers };
      if (next.origin !== current.url.origin) {
        for (const name of Object.keys(headers)) if (name.toLowerCase() === "authorization") delete headers[name];
      }
      current = { ...current, url: next, headers };
      continue;
    }
    if (opts.stream && status >= 200 && status < 300) {
      return { status, headers: res.headers, url: current.url, body: Buffer.alloc(0), stream: res };
    }
    const body = current.method === "HEAD" ? (res.resume(), Buffer.alloc(0)) : await readBody(res);
    return { status, headers: res.headers, url: current.url, body };
  }
}

// src/oci/registry-http.ts
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function responseHeader(res, name) {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
var TLS_CODE = /^(EPROTO|ERR_SSL|ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/;
var RegistryHttp = class {
  constructor(access2, opts = {}) {
    this.access = access2;
    this.policy = new OriginPolicy(access2);
    this.logger = opts.logger ?? silentLogger;
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    this.idleTimeoutMs = opts.idleTimeoutMs ?? 6e4;
    this.auth = new Authenticator(
      this.policy,
      (url, headers) => this.withRetries(
        `token request to ${url.origin}`,
        "GET",
        url,
        () => exchange({ method: "GET", url, headers, idleTimeoutMs: this.idleTimeoutMs, checkRedirect: this.redirectCheck })
      )
    );
  }
  access;
  policy;
  logger;
  retryPolicy;
  idleTimeoutMs;
  auth;
  get baseUrl() {
    return this.policy.baseUrl;
  }
  redirectCheck = (next) => void this.policy.check(next, "redirect");
  /** A failed answer, as a structured error. */
  fail(code, what, method, res) {
    return registryResponseError(code, what, { method, url: res.url, status: res.status, body: res.body });
  }
  /** TLS and name-resolution failures as registry errors; anything else unchanged. */
  connectionError(err, what, method, url) {
    const code = err?.code;
    if (typeof code !== "string") return err;
    const facts = { method, url: urlForMessage(url), status: null, codes: [] };
    if (TLS_CODE.test(code))
      return new RegistryError(
        "registry-tls",
        `${what}: the TLS connection to ${this.access.host} failed (${code})`,
        facts,
        { cause: err }
      );
    if (code === "ENOTFOUND")
      return new RegistryError(
        "registry-host-unknown",
        `${what}: the host name of ${url.host} does not resolve`,
        facts,
        { cause: err }
      );
    return err;
  }
  /**
   * After a failed attempt: the delay before the next one when the error is a broken or refused
   * connection and the budget allows; otherwise throws (the error itself, or a final RegistryError).
   */
  networkRetryDelay(err, what, code, attempt, started, method, url) {
    if (err instanceof IpmDbError) throw err;
    if (!isRetryableNetworkError(err)) throw this.connectionError(err, what, method, url);
    const reason = err.code ?? "connection closed";
    const delay = nextRetryDelay(this.retryPolicy, attempt, Date.now() - started, void 0);
    if (delay === void 0) {
      throw new RegistryError(
        code,
        `${what} failed after ${attempt} attempt(s): ${reason}`,
        { method, url: urlForMessage(url), status: null, codes: [] },
        { cause: err }
      );
    }
    this.logger.warn(
      `${what}: ${reason}; trying again in ${delay} ms (attempt ${attempt + 1}/${this.retryPolicy.maxAttempts})`
    );
    return delay;
  }
  /** The delay before restarting after a retryable status, or undefined when out of budget or not retryable. */
  statusRetryDelay(res, attempt, started) {
    if (!isRetryableStatus(res.status)) return void 0;
    return nextRetryDelay(
      this.retryPolicy,
      attempt,
      Date.now() - started,
      parseRetryAfter(responseHeader(res, "retry-after"))
    );
  }
  async withRetries(what, method, url, attemptFn) {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      let res;
      try {
        res = await attemptFn();
      } catch (err) {
        await sleep(this.networkRetryDelay(err, what, "registry-unreachable", attempt, started, method, url));
        continue;
      }
      const delay = this.statusRetryDelay(res, attempt, started);
      if (delay !== void 0) {
        res.stream?.destroy();
        this.logger.warn(
          `${what}: HTTP ${res.status}; retrying in ${delay} ms (attempt ${attempt + 1}/${this.retryPolicy.maxAttempts})`
        );
        await sleep(delay);
        continue;
      }
      return res;
    }
  }
  /** One request with auth (a 401 from the registry's origin re-authenticates once) and, unless disabled, retries. */
  async send(r) {
    const url = typeof r.target === "string" ? new URL(r.target, this.baseUrl) : r.target;
    const what = `${r.method} ${url.pathname}`;
    this.policy.check(url, what, r.method);
    const ownOrigin = this.policy.mayCarryCredentials(url);
    const once = () => {
      const headers = { "User-Agent": "ipm-db", ...r.headers };
      const auth = ownOrigin ? this.auth.header(r.repository, r.scope) : void 0;
      if (auth) headers.Authorization = auth;
      const req = {
        method: r.method,
        url,
        headers,
        idleTimeoutMs: this.idleTimeoutMs,
        checkRedirect: this.redirectCheck,
        ...r.body !== void 0 ? { body: r.body } : {}
      };
      return exchange(req, { stream: r.stream === true });
    };
    const attempt = () => r.retry === false ? once() : this.withRetries(what, r.method, url, once);
    let res = await attempt();
    if (res.status === 401 && ownOrigin && await this.auth.answer(res, r.repository, r.scope, r.method)) {
      this.logger.debug(`${what}: authenticated, sending again`);
      res = await attempt();
    }
    return res;
  }
};

// src/oci/upload.ts
import { createHash as createHash9 } from "node:crypto";
import { createReadStream as createReadStream2 } from "node:fs";
import { Transform } from "node:stream";
var DEFAULT_UPLOAD_SIZES = {
  monolithicLimit: 2 * 1024 * 1024 * 1024,
  chunkSize: 64 * 1024 * 1024
};
var UploadSession = class {
  constructor(http2, repository) {
    this.http = http2;
    this.repository = repository;
  }
  http;
  repository;
  async start() {
    const res = await this.http.send({
      method: "POST",
      target: `/v2/${this.repository}/blobs/uploads/`,
      repository: this.repository,
      scope: "pull,push"
    });
    const location = responseHeader(res, "location");
    if (res.status !== 202 || !location)
      throw this.http.fail("registry-upload", `starting an upload to ${this.repository} failed`, "POST", res);
    return this.http.policy.check(new URL(location, this.http.baseUrl), "upload location", "POST");
  }
  async cancel(location) {
    try {
      const res = await this.http.send({
        method: "DELETE",
        target: location,
        repository: this.repository,
        scope: "pull,push",
        retry: false
      });
      this.http.logger.debug(`cancelled upload session: HTTP ${res.status}`);
    } catch {
    }
  }
  /** The closing PUT, carrying the whole blob (monolithic) or nothing (after PATCHes). */
  complete(location, digest, body) {
    const url = new URL(location);
    url.searchParams.set("digest", digest);
    return this.http.send({
      method: "PUT",
      target: url,
      repository: this.repository,
      scope: "pull,push",
      headers: { "Content-Type": "application/octet-stream" },
      ...body !== void 0 ? { body } : {},
      retry: false
    });
  }
  /** Uploads a small in-memory blob (the config). */
  uploadBytes(digest, bytes) {
    return this.withRestarts(`upload of ${digest}`, async () => {
      const location = await this.start();
      const res = await this.complete(location, digest, bytes);
      if (res.status !== 201) return { res, location, method: "PUT" };
      return {
        result: { bytesSent: bytes.length, sha256: createHash9("sha256").update(bytes).digest("hex"), skipped: false }
      };
    });
  }
  /** Streams a file as the blob `digest`; memory stays constant (read in ranges, hashed on the way out). */
  async uploadFile(file, digest, size, sizes) {
    let bytesSent = 0;
    const rangeBody = (start, length, hashFor) => ({
      length,
      open: () => {
        const hash = hashFor();
        const tap = new Transform({
          transform(chunk, _enc, done2) {
            hash.update(chunk);
            bytesSent += chunk.length;
            done2(null, chunk);
          }
        });
        if (length === 0) {
          tap.end();
          return tap;
        }
        const source = createReadStream2(file, { start, end: start + length - 1, highWaterMark: 1024 * 1024 });
        source.on("error", (err) => tap.destroy(err));
        return source.pipe(tap);
      }
    });
    const monolithic = size <= sizes.monolithicLimit;
    const result = await this.withRestarts(`upload of ${digest}`, async () => {
      let accepted = createHash9("sha256");
      let location = await this.start();
      if (!monolithic) {
        for (let start = 0; start < size; start += sizes.chunkSize) {
          const length = Math.min(sizes.chunkSize, size - start);
          let sending2 = accepted;
          const res2 = await this.http.send({
            method: "PATCH",
            target: location,
            repository: this.repository,
            scope: "pull,push",
            headers: { "Content-Type": "application/octet-stream", "Content-Range": `${start}-${start + length - 1}` },
            body: rangeBody(start, length, () => sending2 = accepted.copy()),
            retry: false
          });
          if (res2.status !== 202) return { res: res2, location, method: "PATCH" };
          accepted = sending2;
          const next = responseHeader(res2, "location");
          if (next) location = this.http.policy.check(new URL(next, location), "upload location", "PATCH");
        }
      }
      let sending = accepted;
      const res = await this.complete(
        location,
        digest,
        monolithic ? rangeBody(0, size, () => sending = accepted.copy()) : void 0
      );
      if (res.status !== 201) return { res, location, method: "PUT" };
      return { result: { bytesSent: 0, sha256: sending.digest("hex"), skipped: false } };
    });
    return { ...result, bytesSent };
  }
  /**
   * Runs a whole upload session; a retryable failure (network error, 408/429/5xx) abandons the
   * session and starts a new one, within the retry budget.
   */
  async withRestarts(what, run3) {
    const started = Date.now();
    const uploads = new URL(`/v2/${this.repository}/blobs/uploads/`, this.http.baseUrl);
    for (let attempt = 1; ; attempt++) {
      let outcome2;
      try {
        outcome2 = await run3();
      } catch (err) {
        const delay2 = this.http.networkRetryDelay(
          err,
          `${what} (restarting it)`,
          "registry-upload",
          attempt,
          started,
          "PUT",
          uploads
        );
        await sleep(delay2);
        continue;
      }
      if ("result" in outcome2) return outcome2.result;
      const { res, location, method } = outcome2;
      const delay = this.http.statusRetryDelay(res, attempt, started);
      await this.cancel(location);
      if (delay === void 0) throw this.http.fail("registry-upload", `${what} failed`, method, res);
      this.http.logger.warn(`${what}: HTTP ${res.status}; restarting the upload in ${delay} ms`);
      await sleep(delay);
    }
  }
};

// src/oci/client.ts
var DEFAULT_MAX_TAGS = 1e5;
var MAX_TAG_PAGES = 1e4;
async function* checkedBlob(source, digest, size) {
  const hash = createHash10("sha256");
  let received = 0;
  for await (const chunk of source) {
    received += chunk.length;
    if (received > size)
      throw new IpmDbError("blob-size", `blob ${digest} is larger than the ${size} bytes the manifest declares`);
    hash.update(chunk);
    yield chunk;
  }
  if (received !== size)
    throw new IpmDbError("blob-size", `blob ${digest} has ${received} bytes, the manifest declares ${size}`);
  const actual = `sha256:${hash.digest("hex")}`;
  if (actual !== digest)
    throw new IpmDbError("blob-digest", `the registry sent a blob with digest ${actual} for ${digest}`);
}
var RegistryClient = class {
  constructor(access2, opts = {}) {
    this.access = access2;
    this.http = new RegistryHttp(access2, opts);
    this.sizes = {
      monolithicLimit: opts.monolithicLimit ?? DEFAULT_UPLOAD_SIZES.monolithicLimit,
      chunkSize: opts.chunkSize ?? DEFAULT_UPLOAD_SIZES.chunkSize
    };
    this.maxTags = opts.maxTags ?? DEFAULT_MAX_TAGS;
  }
  access;
  http;
  sizes;
  maxTags;
  get registry() {
    return this.access.host;
  }
  /** Size of the blob when the repository has it, undefined when not. */
  async blobSize(repository, digest, scope = "pull") {
    const res = await this.http.send({
      method: "HEAD",
      target: `/v2/${repository}/blobs/${digest}`,
      repository,
      scope
    });
    if (res.status === 404) return void 0;
    if (res.status !== 200)
      throw this.http.fail("registry-blob", `checking blob ${digest} in ${repository} failed`, "HEAD", res);
    const length = responseHeader(res, "content-length");
    return length === void 0 ? -1 : Number(length);
  }
  /** Uploads a blob from a small in-memory buffer (the config) unless the repository has it. */
  async uploadBlobBytes(repository, digest, bytes) {
    if (await this.blobSize(repository, digest, "pull,push") !== void 0)
      return { bytesSent: 0, sha256: null, skipped: true };
    return new UploadSession(this.http, repository).uploadBytes(digest, bytes);
  }
  /** Streams a file into the repository as the blob `digest` unless the repository has it. */
  async uploadBlobFromFile(repository, file, digest, size) {
    if (await this.blobSize(repository, digest, "pull,push") !== void 0)
      return { bytesSent: 0, sha256: null, skipped: true };
    return new UploadSession(this.http, repository).uploadFile(file, digest, size, this.sizes);
  }
  async putManifest(repository, reference, bytes, mediaType = OCI_MANIFEST_MEDIA_TYPE) {
    const res = await this.http.send({
      method: "PUT",
      target: `/v2/${repository}/manifests/${reference}`,
      repository,
      scope: "pull,push",
      headers: { "Content-Type": mediaType },
      body: bytes
    });
    if (res.status !== 201)
      throw this.http.fail("registry-manifest", `putting manifest ${repository}:${reference} failed`, "PUT", res);
    return responseHeader(res, "docker-content-digest") ?? sha256Digest(bytes);
  }
  /**
   * The manifest, or undefined when the tag or digest does not exist. Asked for by digest, the
   * bytes must have that digest: a registry that answers with anything else is an error.
   */
  async getManifest(repository, reference, scope = "pull") {
    const res = await this.http.send({
      method: "GET",
      target: `/v2/${repository}/manifests/${reference}`,
      repository,
      scope,
      headers: { Accept: MANIFEST_ACCEPT }
    });
    if (res.status === 404) return void 0;
    if (res.status !== 200)
      throw this.http.fail("registry-manifest", `getting manifest ${repository}:${reference} failed`, "GET", res);
    const digest = sha256Digest(res.body);
    if (reference.includes(":") && reference !== digest) {
      throw new RegistryError(
        "manifest-digest",
        `${this.registry} answered ${repository}@${reference} with a manifest whose digest is ${digest}`,
        { method: "GET", url: `${res.url.origin}${res.url.pathname}`, status: res.status, codes: [] },
        { hint: "The registry or something between it and this runner changed the manifest; nothing was used." }
      );
    }
    const mediaType = (responseHeader(res, "content-type") ?? "").split(";")[0]?.trim() ?? "";
    return { bytes: res.body, digest, mediaType };
  }
  /**
   * Every tag, following `Link: <...>; rel="next"` pages; empty when the repository does not
   * exist. Fails beyond `maxTags` tags or 10 000 pages.
   */
  async listTags(repository, pageSize = 100) {
    const tags = [];
    let target = `/v2/${repository}/tags/list?n=${pageSize}`;
    for (let page = 0; target !== void 0; page++) {
      if (page >= MAX_TAG_PAGES)
        throw new IpmDbError("registry-tags", `tag listing of ${repository} did not end after ${MAX_TAG_PAGES} pages`);
      const res = await this.http.send({
        method: "GET",
        target,
        repository,
        scope: "pull",
        headers: { Accept: "application/json" }
      });
      if (res.status === 404 && page === 0) return [];
      if (res.status !== 200) throw this.http.fail("registry-tags", `listing tags of ${repository} failed`, "GET", res);
      let pageTags;
      try {
        pageTags = JSON.parse(res.body.toString("utf8")).tags ?? [];
      } catch {
        pageTags = void 0;
      }
      if (!Array.isArray(pageTags))
        throw new IpmDbError("registry-tags", `the tag list of ${repository} from ${this.registry} is not JSON`);
      for (const tag of pageTags) {
        if (tags.length >= this.maxTags) {
          throw new IpmDbError("registry-tags", `${repository} has more than ${this.maxTags} tags; stopped listing`);
        }
        if (typeof tag === "string") tags.push(tag);
      }
      const link2 = responseHeader(res, "link");
      const next = link2 ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link2)?.[1] : void 0;
      target = next === void 0 ? void 0 : this.http.policy.check(new URL(next, res.url), "tag list page");
    }
    return tags;
  }
  /**
   * Hands the blob's bytes to `consume` as they arrive; the chunks end with an error when their
   * size or digest is not the one asked for. A broken connection starts again (within the
   * retry budget) with a fresh call of `consume`.
   */
  async readBlob(repository, digest, size, consume) {
    const target = `/v2/${repository}/blobs/${digest}`;
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.http.send({ method: "GET", target, repository, scope: "pull", stream: true });
        if (res.status !== 200 || !res.stream)
          throw this.http.fail("registry-blob", `downloading ${digest} from ${repository} failed`, "GET", res);
        return await consume(checkedBlob(res.stream, digest, size));
      } catch (err) {
        const url = new URL(target, this.http.baseUrl);
        const what = `download of ${digest} (starting again)`;
        await sleep(this.http.networkRetryDelay(err, what, "registry-blob", attempt, started, "GET", url));
      }
    }
  }
  /**
   * Downloads a blob into `dest` (through a temporary file next to it), checking its size and
   * digest before the file appears under its name.
   */
  downloadBlob(repository, digest, size, dest) {
    return this.readBlob(repository, digest, size, async (chunks) => {
      const partial = `${dest}.partial`;
      try {
        await pipeline(Readable.from(chunks), createWriteStream(partial));
        await rename3(partial, dest);
      } catch (err) {
        await rm10(partial, { force: true });
        throw err;
      }
    });
  }
};

// src/workflow/iris-tags.ts
var DEFAULT_IRIS_IMAGE_REGISTRY = "containers.intersystems.com/intersystems";
function irisImageRepository(imageRegistry, flavor, names = { imageRegistry: "iris-image-registry", flavor: "iris-flavor" }) {
  const path = imageRegistry.trim().replace(/\/+$/, "");
  const slash = path.indexOf("/");
  const registry = slash < 0 ? path : path.slice(0, slash);
  const prefix = slash < 0 ? "" : path.slice(slash + 1);
  if (!/^[a-z0-9][a-z0-9.-]*(?::\d{1,5})?$/.test(registry) || !/^[a-z0-9][a-z0-9._/-]*$|^$/.test(prefix))
    throw new UsageError(
      `${names.imageRegistry} "${imageRegistry}" is not a registry path`,
      `e.g. ${DEFAULT_IRIS_IMAGE_REGISTRY}`
    );
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(flavor))
    throw new UsageError(
      `${names.flavor} "${flavor}" is not an image name`,
      "e.g. iris-community or irishealth-community"
    );
  return { registry, repository: prefix ? `${prefix}/${flavor}` : flavor };
}
async function listIrisTags(where, opts) {
  const client = new RegistryClient(
    registryAccess({ host: where.registry, plainHttp: opts.plainHttp, credentialsFor: opts.credentialsFor })
  );
  try {
    return await client.listTags(where.repository, 1e3);
  } catch (err) {
    throw new IpmDbError(
      "iris-tags",
      `Reading the tags of ${where.registry}/${where.repository} failed: ${errorMessage(err)}`,
      {
        hint: "Licensed images need registry credentials (the iris-registry-username and iris-registry-password secrets of the workflow, or docker login before the action); or give iris-versions as a list.",
        cause: err
      }
    );
  }
}

// src/action/iris-versions.ts
async function resolveAutoVersions(inputs, listTags) {
  const auto = inputs.autoVersions;
  if (!auto) return { inputs, note: null };
  const where = irisImageRepository(auto.imageRegistry, auto.flavor);
  const resolved = resolveAuto(await listTags(where), auto.skip, auto.latest);
  const images = resolved.versions.map((version2) => `${auto.imageRegistry}/${auto.flavor}:${version2}`);
  const left = [
    resolved.skipped.length ? `skipped (skip-versions): ${resolved.skipped.join(", ")}` : "",
    resolved.older.length ? `older than the newest ${auto.latest}: ${resolved.older.join(", ")}` : ""
  ].filter(Boolean);
  const note = `iris-versions auto: ${resolved.versions.join(", ")} from ${where.registry}/${where.repository}${left.length ? ` (${left.join("; ")})` : ""}.`;
  return { inputs: { ...inputs, images, autoVersions: null }, note };
}

// src/oci/docker-config.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { homedir } from "node:os";
import { join as join22 } from "node:path";
function dockerConfigPath(env) {
  return join22(env.DOCKER_CONFIG || join22(env.HOME || homedir(), ".docker"), "config.json");
}
function entryHost(key2) {
  const withoutScheme = key2.replace(/^[a-z]+:\/\//i, "");
  return (withoutScheme.split("/")[0] ?? "").toLowerCase();
}
function entryCredentials(entry) {
  if (typeof entry.auth === "string" && entry.auth.length > 0) {
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0 && colon < decoded.length - 1)
      return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof entry.username === "string" && typeof entry.password === "string" && entry.username && entry.password)
    return { username: entry.username, password: entry.password };
  return void 0;
}
function parseDockerConfig(text) {
  const out = /* @__PURE__ */ new Map();
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return out;
  }
  const auths = parsed?.auths;
  if (auths === null || typeof auths !== "object") return out;
  for (const [key2, entry] of Object.entries(auths)) {
    const credentials = entry && typeof entry === "object" ? entryCredentials(entry) : void 0;
    const host = entryHost(key2);
    if (credentials && host && (!out.has(host) || !/:\/\//.test(key2))) out.set(host, credentials);
  }
  return out;
}
function dockerConfigCredentials(env) {
  let entries;
  return (host) => {
    if (!entries) {
      try {
        entries = parseDockerConfig(readFileSync2(dockerConfigPath(env), "utf8"));
      } catch {
        entries = /* @__PURE__ */ new Map();
      }
    }
    return entries.get(host.toLowerCase());
  };
}

// src/action/registry.ts
function splitRegistryInput(registry, namespace) {
  const [host = "", ...prefix] = registry.split("/").filter((p) => p.length > 0);
  return { host, namespace: [...prefix, ...namespace.split("/")].filter((p) => p.length > 0).join("/") };
}
function actionCredentials(host, fromInputs, dockerConfig) {
  const inputCredentials = credentialsOnlyFor(
    host,
    fromInputs.password ? { username: fromInputs.username || "token", password: fromInputs.password } : void 0
  );
  return host.toLowerCase() === "ghcr.io" ? firstCredentials(inputCredentials, dockerConfig) : firstCredentials(credentialsOnlyFor(host, dockerConfig(host)), inputCredentials, dockerConfig);
}
function actionRegistryAccess(inputs, env, onSecret) {
  const { host, namespace } = splitRegistryInput(inputs.registry, inputs.namespace);
  return registryAccess({
    host,
    namespace,
    plainHttp: inputs.registryPlainHttp,
    credentialsFor: actionCredentials(
      host,
      { username: inputs.username, password: inputs.token },
      dockerConfigCredentials(env)
    ),
    onSecret
  });
}
var ACTION_HINTS = {
  "credentials-refused": "The registry refused the credentials: check the registry-token and registry-username inputs (for another registry than ghcr.io, or the docker/login-action step for it).",
  "credentials-missing": "The registry needs credentials: set the registry-token and registry-username inputs, or log in with docker/login-action before this step.",
  forbidden: 'The credentials are valid but may not do this: for GHCR the job needs "permissions: packages: write" and the package must be linked to the repository.',
  tls: "The TLS connection failed: the registry certificate is not trusted (NODE_EXTRA_CA_CERTS adds a CA); registry-plain-http is only for a loopback registry.",
  "host-unknown": "Check the registry input (host[:port] and an optional path, no scheme).",
  unreachable: "Check that the registry is reachable from the runner."
};
function withActionRegistryHint(err) {
  const trouble = registryTrouble(err);
  if (!trouble || !(err instanceof RegistryError)) return err;
  return err.withHint(ACTION_HINTS[trouble]);
}

// src/action/run.ts
import { stat as stat12 } from "node:fs/promises";
import { join as join25, relative as relative6 } from "node:path";

// src/action/annotations.ts
import { join as join23, relative as relative5, sep as sep5 } from "node:path";
var MAX_PER_LEVEL = 10;
function irisLabel(run3) {
  return run3.irisVersion ? `IRIS ${run3.irisVersion}` : run3.image;
}
function repositoryPath(roots, moduleRelative) {
  const rel = relative5(roots.workspace, join23(roots.moduleDir, moduleRelative));
  if (rel.startsWith("..") || rel === "") return null;
  return rel.split(sep5).join("/");
}
function planAnnotations(runs, roots, testFailures = []) {
  const all = [];
  const seen = /* @__PURE__ */ new Map();
  const add = (a, where) => {
    const key2 = `${a.level}\0${a.file ?? ""}\0${a.startLine ?? ""}\0${a.message}`;
    const existing = seen.get(key2);
    if (existing) {
      if (!existing.where.includes(where)) existing.where.push(where);
      return;
    }
    const entry = { annotation: a, where: [where] };
    seen.set(key2, entry);
    all.push(entry);
  };
  for (const [i, run3] of runs.entries()) {
    const where = irisLabel(run3);
    for (const ce of run3.compileErrors) {
      const file = ce.file ? repositoryPath(roots, ce.file) : null;
      const text = ce.message.replace(/^[\s:]+/, "");
      const a = {
        level: "error",
        title: `Compile error in ${ce.document}`,
        message: file ? text : `${ce.document}${ce.line ? ` line ${ce.line}` : ""}: ${text}`
      };
      if (file) a.file = file;
      if (file && ce.line) a.startLine = ce.line;
      add(a, where);
    }
    const v = run3.verification;
    if (v) {
      for (const f of v.errors)
        add(
          { level: "error", title: `Package verification: ${f.code}`, message: withEntry(f.message, f.entry) },
          where
        );
      for (const f of v.warnings)
        add(
          { level: "warning", title: `Package verification: ${f.code}`, message: withEntry(f.message, f.entry) },
          where
        );
    }
    for (const a of testFailures[i] ?? []) add(a, where);
  }
  const counts = { error: 0, warning: 0 };
  const annotations = [];
  const overflow = [];
  for (const { annotation, where } of all) {
    const a = { ...annotation, title: `${annotation.title} (${where.join(", ")})` };
    if (counts[a.level] < MAX_PER_LEVEL) {
      counts[a.level]++;
      annotations.push(a);
    } else {
      const at = a.file ? `${a.file}${a.startLine ? `:${a.startLine}` : ""}: ` : "";
      overflow.push(`${a.level}: ${at}${a.message} \u2014 ${a.title}`);
    }
  }
  return { annotations, overflow };
}
function withEntry(message, entry) {
  return entry ? `${entry}: ${message}` : message;
}

// src/action/ipm-installer.ts
import { join as join24 } from "node:path";
function resolveIpmInstaller(ipm, opts) {
  if (ipm.kind === "git")
    return resolveInstaller(
      { kind: "git", commit: ipm.commit, repository: ipm.repository },
      { workDir: opts.workDir, cache: opts.cache }
    );
  if (ipm.kind === "installer")
    return resolveInstaller(
      { kind: "path", path: ipm.path, ...ipm.sha256 ? { sha256: ipm.sha256 } : {} },
      { workDir: opts.workDir }
    );
  return resolveInstaller(
    { kind: "version", version: ipm.version, sha256: ipm.sha256 },
    { workDir: opts.workDir, cache: opts.cache, releaseUrl: ipm.releaseUrl }
  );
}
function installerStep(ipm, io, cache, tempRoot) {
  return io.group("IPM installer", async () => {
    if (ipm.kind === "image") {
      io.info("ipm-git is none: using the IPM already in the image.");
      return null;
    }
    const resolved = await resolveIpmInstaller(ipm, {
      workDir: join24(tempRoot, "ipm-db-downloads"),
      cache: actionsInstallerCache(cache, join24(tempRoot, "ipm-db-cache"))
    });
    io.info(
      resolved.git ? `IPM source ${resolved.url} (${resolved.origin}, archive sha256 ${resolved.sha256})` : `IPM installer ${resolved.path} (${resolved.origin}, sha256 ${resolved.sha256})`
    );
    return { source: pinnedSource(resolved), pin: installerPin(resolved) };
  });
}

// src/action/publish-step.ts
function setPublishStage(report, result) {
  report.stages = report.stages.filter((s) => s.stage !== "publish");
  report.stages.push(result);
}
async function publishStep(runs, allRan, inputs, publisher, io, signal, blockedBy = null) {
  const allOk = allRan && runs.every(runCounts);
  for (const report of runs) {
    if (report.skipped) {
      setPublishStage(report, stageSkipped("publish", report.skipped.reason));
      continue;
    }
    if (!inputs.publish) {
      setPublishStage(report, stageSkipped("publish", inputs.publishRefused ?? "publish is not true"));
      continue;
    }
    if (!allOk || blockedBy) {
      const why = allOk ? blockedBy : "not every IRIS version passed";
      setPublishStage(report, stageSkipped("publish", `${why}; nothing is published`));
      continue;
    }
    const t0 = Date.now();
    const key2 = irisKey(report.image, report);
    try {
      const { archive, verification } = report;
      if (!archive || !verification)
        throw new IpmDbError("publish", `IRIS ${key2} produced no verified archive to publish.`);
      const published = await io.group(
        `[${key2}] publish`,
        () => untilAborted(
          publisher.publish(
            {
              archivePath: archive.path,
              verification,
              sourceUrl: inputs.sourceUrl,
              force: inputs.force,
              allowPrerelease: inputs.allowPrerelease,
              signal
            },
            coreLogger(io, `[${key2}] `)
          ),
          signal,
          "publishing"
        )
      );
      report.published = published;
      setPublishStage(report, {
        stage: "publish",
        status: "passed",
        durationMs: Date.now() - t0,
        message: `${published.reference}${published.unchanged ? " (unchanged)" : ""}, round-trip: ${published.roundTrip.status}`
      });
    } catch (err) {
      report.ok = false;
      setPublishStage(report, stageFailure("publish", err, Date.now() - t0));
      break;
    } finally {
      report.durationMs += Date.now() - t0;
    }
  }
}

// src/action/test-failures.ts
import { lstat as lstat2, open as open2 } from "node:fs/promises";
import { basename as basename7 } from "node:path";
var MAX_JUNIT_BYTES = 8 * 1024 * 1024;
var MAX_FAILED_CASES = 200;
var MAX_MESSAGES_PER_CASE = 10;
var MAX_MESSAGE_CHARS = 1e3;
var MAX_XML_DEPTH = 32;
var CLASS_NAME2 = /^%?[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*$/;
function clip2(text) {
  const one = printable(text.trim());
  return one.length > MAX_MESSAGE_CHARS ? `${one.slice(0, MAX_MESSAGE_CHARS)}\u2026` : one;
}
function parseJUnitFailures(xml) {
  const suites = [];
  const failures = [];
  let more = false;
  let current = null;
  const element = (path) => path.slice(path.lastIndexOf("/") + 1);
  const result = readXml(
    xml,
    {
      trackDepth: MAX_XML_DEPTH,
      open(path, attributes2) {
        const name = element(path);
        if (name === "testsuite") suites.push(attributes2.name ?? "");
        else if (name === "testcase")
          current = {
            className: attributes2.classname ?? suites.at(-1) ?? "",
            name: attributes2.name ?? "",
            messages: []
          };
        else if ((name === "failure" || name === "error") && current) {
          const message = [attributes2.type === "cache-error" ? "" : attributes2.type ?? "", attributes2.message ?? ""].filter(Boolean).join(": ");
          current.messages.push(message);
        }
      },
      wantsText: (path) => /\/(?:failure|error)$/.test(path),
      close(path, text) {
        const name = element(path);
        if (name === "testsuite") suites.pop();
        else if ((name === "failure" || name === "error") && current && text.trim()) {
          const last = current.messages.length - 1;
          current.messages[last] = [current.messages[last], text.trim()].filter(Boolean).join("\n");
        } else if (name === "testcase" && current) {
          const c = current;
          current = null;
          if (c.messages.length === 0) return;
          if (failures.length >= MAX_FAILED_CASES) {
            more = true;
            return;
          }
          const classLevel = c.name === c.className || c.name === "";
          failures.push({
            className: c.className,
            method: classLevel ? null : c.name,
            messages: c.messages.slice(0, MAX_MESSAGES_PER_CASE).map((m) => clip2(m || "failed"))
          });
        }
      }
    },
    { maxDepth: MAX_XML_DEPTH }
  );
  if (!result.ok) return { ok: false, problem: `${result.code}: ${result.detail}` };
  return { ok: true, failures, more };
}
var escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function classLine(text, className) {
  const declaration = new RegExp(`^Class\\s+${escapeRegExp(className)}(?:\\s|\\{|$)`, "i");
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => declaration.test(l));
  return i >= 0 ? i + 1 : null;
}
function methodLine(text, method) {
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => {
    const m = /^\s*(?:Class)?Method\s+("?)([^"(\s]+)\1\s*\(/i.exec(l);
    return m?.[2] === method;
  });
  return i >= 0 ? i + 1 : null;
}
function testFailureAnnotations(failures, sources, toRepositoryPath) {
  return failures.map((f) => {
    const where = f.method ? `${f.className}:${f.method}` : f.className;
    const title = `Unit test failed: ${printable(where)}`;
    const message = f.messages.join("\n");
    const source = CLASS_NAME2.test(f.className) ? sources.find((s) => classLine(s.text, f.className) !== null) : void 0;
    const file = source ? toRepositoryPath(source.file) : null;
    if (!source || !file) return { level: "error", title, message: `${printable(where)}: ${message}` };
    const line = (f.method ? methodLine(source.text, f.method) : null) ?? classLine(source.text, f.className);
    return { level: "error", title, message, file, startLine: line };
  });
}
async function readBounded(path, limit) {
  const info2 = await lstat2(path).catch(() => null);
  if (!info2?.isFile() || info2.size > limit) return null;
  const handle = await open2(path, "r");
  try {
    const buf = Buffer.alloc(info2.size);
    const { bytesRead } = await handle.read(buf, 0, info2.size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
async function readTestFailureAnnotations(junitPath, roots) {
  const xml = await readBounded(junitPath, MAX_JUNIT_BYTES);
  if (!xml)
    return {
      annotations: [],
      problems: [`The JUnit file ${basename7(junitPath)} is missing, not a file or over ${MAX_JUNIT_BYTES} bytes.`]
    };
  const parsed = parseJUnitFailures(xml);
  if (!parsed.ok)
    return {
      annotations: [],
      problems: [`The JUnit file ${basename7(junitPath)} could not be read: ${parsed.problem}`]
    };
  if (parsed.failures.length === 0) return { annotations: [], problems: [] };
  const sources = [...await readSourceTree(roots.moduleDir)].filter(([file]) => /\.cls$/i.test(file)).map(([file, text]) => ({ file, text }));
  const annotations = testFailureAnnotations(parsed.failures, sources, (f) => repositoryPath(roots, f));
  const problems = parsed.more ? [`Only the first ${MAX_FAILED_CASES} failed tests of ${basename7(junitPath)} are annotated.`] : [];
  return { annotations, problems };
}

// src/action/run.ts
function totalTimeout(totalMs) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(
      new IpmDbError("timeout", `The whole run exceeded the run-timeout input (${formatDuration(totalMs)}).`, {
        hint: "Raise the run-timeout input, or run fewer IRIS versions per job (a matrix)."
      })
    ),
    totalMs
  );
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
async function checkWorkspace(inputs) {
  await stat12(join25(inputs.moduleDir, "module.xml")).catch(() => {
    throw new UsageError(
      `input "module-path": no module.xml in ${relative6(inputs.workspace, inputs.moduleDir) || "."}.`,
      "Point module-path at the folder holding module.xml, and run actions/checkout before this step."
    );
  });
  const previous = inputs.upgrade?.previous.packagePath;
  if (previous)
    await stat12(previous).catch(() => {
      throw new UsageError(
        `input "upgrade-from": ${relative6(inputs.workspace, previous)} does not exist.`,
        "Give the path of a previous .tgz, a version or a registry reference."
      );
    });
}
async function run2(inputs, deps) {
  const started = Date.now();
  const { io } = deps;
  const notices = [];
  const notice2 = (m) => {
    notices.push(m);
    io.notice(m);
  };
  io.saveState(STATE_RUN_ID, deps.runId);
  io.saveState(STATE_KEEP, String(inputs.keepContainer));
  const tempRoot = deps.env.RUNNER_TEMP || join25(inputs.workspace, ".ipm-db");
  const outRoot = join25(tempRoot, "ipm-db", deps.runId);
  const imageCacheDir = join25(tempRoot, "ipm-db-images");
  if (inputs.publishRefused) notice2(inputs.publishRefused);
  const total = totalTimeout(inputs.timeouts.totalMs);
  let outcomes = [];
  let failure = null;
  try {
    await checkWorkspace(inputs);
    const ipm = await installerStep(inputs.ipm, io, deps.cache, tempRoot);
    const ledger = new ResourceLedger((n, v) => io.saveState(n, v));
    outcomes = await runImages({
      inputs,
      deps,
      outRoot,
      imageCacheDir,
      warmImageCacheDir: join25(tempRoot, "ipm-db-warm"),
      ipmInstaller: ipm?.source ?? null,
      ipmPin: ipm?.pin ?? null,
      ledger,
      signal: total.signal
    });
    const runs2 = outcomes.map((o) => o.report);
    for (const report of runs2) {
      const skipped2 = skipExpiredLicence(report, inputs.licenceExpired);
      if (skipped2) io.warning(skipped2);
    }
    const irisUpgrades = await runIrisUpgrades(
      { inputs, deps, ipmInstaller: ipm?.source ?? null, ledger, signal: total.signal },
      outcomes
    );
    const upgradeFailed = irisUpgrades.find((u) => u.status === "failed");
    const allRan = runs2.length === inputs.images.length;
    await publishStep(
      runs2,
      allRan,
      inputs,
      deps.publisher,
      io,
      total.signal,
      upgradeFailed ? `${irisUpgradeLabel(upgradeFailed)} failed` : null
    );
    const firstFailed = runs2.find((r) => !runCounts(r));
    if (firstFailed) failure = failureOf(firstFailed);
    else if (!allRan && total.signal.reason) failure = failureFromError(total.signal.reason);
    else if (upgradeFailed)
      failure = { message: `${irisUpgradeLabel(upgradeFailed)}: ${upgradeFailed.message}`, hint: null, details: null };
  } catch (err) {
    failure = failureFromError(err);
  } finally {
    total.clear();
  }
  const runs = outcomes.map((o) => o.report);
  const reportPath = await writeReports(outRoot, outcomes);
  setOutputs(io, runs, reportPath);
  const roots = { workspace: inputs.workspace, moduleDir: inputs.moduleDir };
  const testFailures = [];
  for (const report of runs) {
    const found = report.junitPath ? await readTestFailureAnnotations(report.junitPath, roots).catch((err) => ({
      annotations: [],
      problems: [`Reading the JUnit file for annotations failed: ${redact(errorMessage(err))}`]
    })) : null;
    for (const problem of found?.problems ?? []) io.warning(problem);
    testFailures.push(found?.annotations ?? []);
  }
  const plan = planAnnotations(runs, roots, testFailures);
  for (const a of plan.annotations) io.annotate(a);
  const artifacts = await uploadArtifacts(outcomes, inputs, deps.uploader, io, deps.env, notice2);
  if (inputs.cacheImages) {
    const restored = new Set(outcomes.filter((o) => o.restoredFromCache).map((o) => o.image));
    for (const image of inputs.images)
      if (!restored.has(image)) await saveImage(image, imageCacheDir, deps.cache, deps.docker, (m) => io.warning(m));
  }
  const outcome2 = {
    runs,
    ok: failure === null,
    failure,
    notices,
    annotationOverflow: plan.overflow,
    artifacts,
    links: { runUrl: workflowRunUrl(deps.env), sourceUrl: inputs.sourceUrl },
    moduleSettings: inputs.moduleSettings,
    durationMs: Date.now() - started
  };
  if (inputs.summary) {
    try {
      await io.writeSummary(buildSummary(outcome2));
    } catch (err) {
      io.warning(`Writing the job summary failed: ${errorMessage(err)}`);
    }
  }
  return outcome2;
}
function irisUpgradeLabel(u) {
  return `iris-upgrade IRIS ${u.fromIrisVersion} -> ${u.toIrisVersion}`;
}
function runLabel2(report) {
  return report.irisVersion ? `IRIS ${report.irisVersion}` : report.image;
}
function failureOf(report) {
  const s = firstFailure(report.stages);
  return {
    message: `${runLabel2(report)}: ${s ? `the ${s.stage} stage failed: ${s.message ?? ""}` : "failed"}`.trim(),
    hint: null,
    details: null
  };
}
function failureFromError(err) {
  return {
    message: redact(errorMessage(err)),
    hint: err instanceof IpmDbError && err.hint ? redact(err.hint) : null,
    details: err instanceof IpmDbError && err.details ? redact(err.details) : null
  };
}

// src/action/wiring.ts
import { mkdir as mkdir13, readdir as readdir5, writeFile as writeFile6 } from "node:fs/promises";
import { join as join29 } from "node:path";

// src/oci/publish.ts
import { stat as stat13 } from "node:fs/promises";

// src/oci/ipm-artifact.ts
var EMPTY_CONFIG = Buffer.from("{}", "utf8");
var EMPTY_CONFIG_DIGEST = sha256Digest(EMPTY_CONFIG);
var IPM_ANNOTATION_KEYS = [
  "org.opencontainers.image.title",
  "org.opencontainers.image.description",
  "org.opencontainers.image.version",
  "org.opencontainers.image.source",
  "org.opencontainers.image.created",
  "com.intersystems.ipm.allVersions",
  "com.intersystems.ipm.origin",
  "com.intersystems.ipm.deployed",
  "com.intersystems.ipm.module.v1+xml",
  "com.intersystems.ipm.platformVersion",
  "com.intersystems.ipm.packaging"
];
var ALLOWED_KEYS = new Set(IPM_ANNOTATION_KEYS);
function checkModuleVersion(version2, allowPrerelease = false) {
  if (isPlainVersion(version2)) return version2;
  if (allowPrerelease && isSemver(version2)) return version2;
  if (isSemver(version2)) {
    throw new IpmDbError("prerelease-version", `module version "${version2}" is a prerelease or build version`, {
      hint: "IPM rebuilds a database package version as major.minor.patch when it pulls, so it cannot install this tag. Publish a plain X.Y.Z version, or pass --allow-prerelease if you know only other tools will read it."
    });
  }
  throw new IpmDbError("invalid-version", `module version "${version2}" is not a semantic version`, {
    hint: "Set <Version> in module.xml to X.Y.Z (digits, no leading zeros)."
  });
}
function moduleXmlOneLine(xml) {
  return xml.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/).join("");
}
function ipmAnnotations(values3) {
  const out = {};
  for (const [key2, value] of Object.entries(values3)) {
    if (!ALLOWED_KEYS.has(key2)) {
      throw new IpmDbError("annotation-not-allowed", `annotation "${key2}" is not one IPM accepts`, {
        hint: `IPM rejects manifests with annotations other than: ${IPM_ANNOTATION_KEYS.join(", ")}.`
      });
    }
    if (value === void 0) continue;
    if (typeof value !== "string") throw new IpmDbError("annotation-not-string", `annotation "${key2}" is not a string`);
    out[key2] = value;
  }
  return out;
}
function ipmAnnotationsFor(facts) {
  const a = {
    "org.opencontainers.image.title": facts.moduleName,
    "org.opencontainers.image.version": facts.version,
    "org.opencontainers.image.created": facts.created,
    "com.intersystems.ipm.platformVersion": facts.irisVersion,
    "com.intersystems.ipm.packaging": "database",
    "com.intersystems.ipm.module.v1+xml": moduleXmlOneLine(facts.moduleXml)
  };
  if (facts.description) a["org.opencontainers.image.description"] = facts.description;
  if (facts.source) a["org.opencontainers.image.source"] = facts.source;
  return a;
}
function buildIpmManifest(facts) {
  return {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_MEDIA_TYPE,
    config: { mediaType: IPM_CONFIG_MEDIA_TYPE, digest: EMPTY_CONFIG_DIGEST, size: EMPTY_CONFIG.length },
    layers: [
      {
        mediaType: IPM_LAYER_MEDIA_TYPE,
        digest: facts.layer.digest,
        size: facts.layer.size,
        annotations: { [TITLE_ANNOTATION]: ipmArchiveFileName(facts.moduleName, facts.version) }
      }
    ],
    annotations: ipmAnnotations(ipmAnnotationsFor(facts))
  };
}
function canonicalJson(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
function serializeManifest(manifest) {
  const bytes = Buffer.from(canonicalJson(manifest), "utf8");
  return { bytes, digest: sha256Digest(bytes) };
}
function ipmAcceptanceViolations(manifest, tag) {
  const v = [];
  const add = (rule, message) => v.push({ rule, message });
  if (manifest === null || typeof manifest !== "object" || Array.isArray(manifest)) {
    add("manifest-json", "the manifest is not a JSON object");
    return v;
  }
  const m = manifest;
  if (m.schemaVersion !== 2) add("schema-version", `schemaVersion is ${String(m.schemaVersion)}, expected 2`);
  if (m.mediaType !== OCI_MANIFEST_MEDIA_TYPE) {
    add("manifest-media-type", `mediaType is "${String(m.mediaType)}", expected "${OCI_MANIFEST_MEDIA_TYPE}"`);
  }
  if (m.config?.mediaType !== IPM_CONFIG_MEDIA_TYPE) {
    add(
      "config-media-type",
      `config mediaType is "${String(m.config?.mediaType)}", expected "${IPM_CONFIG_MEDIA_TYPE}"`
    );
  }
  const layers = Array.isArray(m.layers) ? m.layers : [];
  const tarLayers = layers.filter((l) => l?.mediaType === IPM_LAYER_MEDIA_TYPE);
  if (layers.length !== 1) add("one-layer", `the manifest has ${layers.length} layers, IPM expects exactly one`);
  if (tarLayers.length === 0) {
    add("layer-media-type", `no layer has mediaType "${IPM_LAYER_MEDIA_TYPE}" (IPM ignores +gzip and other types)`);
  }
  const title = tarLayers[0]?.annotations?.[TITLE_ANNOTATION];
  if (tarLayers[0] && !(typeof title === "string" && title.endsWith(".tgz"))) {
    add(
      "layer-title",
      `the layer title is ${title === void 0 ? "missing" : `"${title}"`}; IPM looks for a *.tgz file`
    );
  }
  const annotations = m.annotations ?? {};
  for (const key2 of Object.keys(annotations)) {
    if (!ALLOWED_KEYS.has(key2)) add("annotation-key", `annotation "${key2}" is not one of IPM's eleven keys`);
  }
  for (const [key2, value] of Object.entries(annotations)) {
    if (typeof value !== "string") add("annotation-value", `annotation "${key2}" is not a string`);
  }
  const version2 = annotations["org.opencontainers.image.version"];
  const packaging = annotations["com.intersystems.ipm.packaging"];
  const platform = annotations["com.intersystems.ipm.platformVersion"];
  if (typeof annotations[TITLE_ANNOTATION] !== "string")
    add("title", "annotation org.opencontainers.image.title (the module name) is missing");
  if (typeof annotations["com.intersystems.ipm.module.v1+xml"] !== "string") {
    add("module-xml", "annotation com.intersystems.ipm.module.v1+xml (the module manifest) is missing");
  } else if (/[\r\n]/.test(annotations["com.intersystems.ipm.module.v1+xml"])) {
    add("module-xml", "annotation com.intersystems.ipm.module.v1+xml spans several lines");
  }
  if (typeof version2 !== "string") add("version", "annotation org.opencontainers.image.version is missing");
  else if (!isPlainVersion(version2)) {
    add("version", `version "${version2}" is not plain X.Y.Z; IPM rebuilds database versions as major.minor.patch`);
  }
  if (packaging !== "database") {
    add(
      "packaging",
      `annotation com.intersystems.ipm.packaging is ${packaging === void 0 ? "missing" : `"${String(packaging)}"`}, expected "database"`
    );
  }
  if (typeof platform !== "string" || !isIrisMajorMinor(platform)) {
    add(
      "platform-version",
      `annotation com.intersystems.ipm.platformVersion is ${platform === void 0 ? "missing" : `"${String(platform)}"`}, expected IRIS major.minor`
    );
  }
  if (tag !== void 0) {
    if (!isTag(tag)) add("tag", `tag "${tag}" does not match ^${TAG_SOURCE}$`);
    else if (parseDatabaseTag(tag) === null) {
      add("tag", `tag "${tag}" is not of the form <version>_database__<IRIS major.minor> IPM looks for`);
    }
    if (typeof version2 === "string" && typeof platform === "string") {
      const expected = formatDatabaseTag(version2, platform);
      if (tag !== expected && mentionsDatabaseTag(tag))
        add("tag", `tag "${tag}" should be "${expected}" for this version and platform`);
    }
  }
  return v;
}

// src/oci/oras-cli.ts
import { mkdtemp as mkdtemp5, rm as rm11, symlink, writeFile as writeFile5 } from "node:fs/promises";
import { tmpdir as tmpdir6 } from "node:os";
import { join as join26, resolve as resolve3 } from "node:path";
async function pushWithOras(opts) {
  const timeoutMs = opts.timeoutMs ?? 60 * 6e4;
  const oras = opts.orasPath ?? findOnPath("oras");
  if (!oras) {
    throw new IpmDbError("oras-missing", "no oras binary on PATH", {
      hint: "Install the ORAS CLI (https://oras.land) or publish with the built-in client (omit --client oras)."
    });
  }
  const layer = opts.manifest.layers[0];
  const title = layer?.annotations?.[TITLE_ANNOTATION];
  if (!title) throw new IpmDbError("oras-push", "the manifest has no titled layer");
  const dir = await mkdtemp5(join26(tmpdir6(), "ipm-db-oras-"));
  try {
    await symlink(resolve3(opts.archivePath), join26(dir, title));
    const annotationFile = join26(dir, "annotations.json");
    await writeFile5(annotationFile, JSON.stringify({ $manifest: opts.manifest.annotations ?? {} }));
    const args = [
      "push",
      "--image-spec",
      "v1.0",
      "--annotation-file",
      annotationFile,
      "--config",
      `${join26(dir, "config.json")}:${IPM_CONFIG_MEDIA_TYPE}`
    ];
    await writeFile5(join26(dir, "config.json"), "{}");
    if (opts.plainHttp) args.push("--plain-http");
    if (opts.credentials) args.push("--username", opts.credentials.username, "--password-stdin");
    args.push(opts.reference, `${title}:${IPM_LAYER_MEDIA_TYPE}`);
    const run3 = await runCommand(oras, args, {
      cwd: dir,
      timeoutMs,
      ...opts.credentials ? { input: opts.credentials.password } : {}
    });
    if (run3.exitCode !== 0) {
      const why = run3.timedOut ? `did not finish within ${formatDuration(timeoutMs)}` : `failed (exit ${run3.exitCode})`;
      throw new IpmDbError("oras-push", `oras push ${opts.reference} ${why}`, {
        details: redact(run3.stderr.trim())
      });
    }
    const digest = new RegExp(`Digest:\\s*(${DIGEST_SOURCE})`).exec(run3.stdout)?.[1];
    if (!digest)
      throw new IpmDbError("oras-push", "oras push printed no manifest digest", { details: redact(run3.stdout) });
    return digest;
  } finally {
    await rm11(dir, { recursive: true, force: true });
  }
}

// src/oci/round-trip.ts
function roundTripDifferences(actual, expected) {
  const out = [];
  const a = actual.layers?.[0];
  const e = expected.layers[0];
  if (a?.digest !== e?.digest || a?.size !== e?.size)
    out.push(`layer is ${a?.digest ?? "missing"} (${a?.size ?? "?"} bytes), expected ${e?.digest} (${e?.size} bytes)`);
  const got = actual.annotations ?? {};
  const want = expected.annotations ?? {};
  for (const key2 of /* @__PURE__ */ new Set([...Object.keys(got), ...Object.keys(want)])) {
    if (got[key2] !== want[key2]) out.push(`annotation ${key2} differs`);
  }
  return out;
}
function layerReportProblems(report, manifest) {
  const out = [];
  const layer = manifest.layers?.[0];
  const annotations = manifest.annotations ?? {};
  if (!report.valid) out.push(`the layer does not pass verification (${report.errors.length} error(s))`);
  if (layer && `sha256:${report.archive.sha256}` !== layer.digest)
    out.push(`the verifier read bytes with sha256 ${report.archive.sha256}, not ${layer.digest}`);
  const module = report.module;
  if (module?.name !== annotations[TITLE_ANNOTATION]) out.push(`the layer holds module ${module?.name ?? "none"}`);
  if (module?.version !== annotations["org.opencontainers.image.version"])
    out.push(`the layer holds version ${module?.version ?? "none"}`);
  if (module?.irisVersion !== annotations["com.intersystems.ipm.platformVersion"])
    out.push(`the layer is built for IRIS ${module?.irisVersion ?? "none"}`);
  return out;
}
function failed(reference, problems, cause) {
  return new IpmDbError("round-trip", `reading ${reference} back from the registry failed: ${problems.join("; ")}`, {
    hint: "The tag now points at this digest, but the registry does not give back what was verified: do not install it; check the registry (or a proxy in front of it) and publish again with --force.",
    ...cause !== void 0 ? { cause } : {}
  });
}
async function verifyRoundTrip(client, r) {
  const reference = `${client.registry}/${r.repository}@${r.digest}`;
  let fetched;
  try {
    fetched = await client.getManifest(r.repository, r.digest);
  } catch (err) {
    throw failed(reference, [errorMessage(err)], err);
  }
  if (!fetched) throw failed(reference, ["the registry has no manifest with this digest"]);
  let manifest;
  try {
    manifest = JSON.parse(fetched.bytes.toString("utf8"));
  } catch {
    manifest = null;
  }
  const violations = ipmAcceptanceViolations(manifest, r.tag).filter((v) => !r.waivedRules?.includes(v.rule));
  if (violations.length > 0)
    throw failed(
      reference,
      violations.map((v) => `[${v.rule}] ${v.message}`)
    );
  const m = manifest;
  const differences = roundTripDifferences(m, r.expected);
  if (differences.length > 0) throw failed(reference, differences);
  const layer = m.layers?.find((l) => l.mediaType === IPM_LAYER_MEDIA_TYPE);
  if (!layer) throw failed(reference, ["no IPM layer"]);
  if (!r.readLayer) {
    const size = await client.blobSize(r.repository, layer.digest);
    if (size !== layer.size)
      throw failed(reference, [`the layer blob is ${size === void 0 ? "missing" : `${size} bytes`}`]);
    return { status: "verified", digest: fetched.digest, layerRead: false };
  }
  let report;
  try {
    const title = layer.annotations?.[TITLE_ANNOTATION] ?? "package.tgz";
    report = await client.readBlob(r.repository, layer.digest, layer.size, (chunks) => r.verifyStream(chunks, title));
  } catch (err) {
    throw failed(reference, [errorMessage(err)], err);
  }
  const problems = layerReportProblems(report, m);
  if (problems.length > 0) throw failed(reference, problems);
  return { status: "verified", digest: fetched.digest, layerRead: true };
}

// src/oci/publish.ts
function notVerified(message, hint) {
  return new IpmDbError("not-verified", message, { hint });
}
function packageFacts(report, opts) {
  if (!report.valid) {
    const first = report.errors[0];
    throw notVerified(
      `the archive did not pass verification (${report.errors.length} error(s)${first ? `, first: ${first.message}` : ""})`,
      'Fix the package and verify it again with "ipm-db verify"; only a valid archive is published.'
    );
  }
  const module = report.module;
  if (!module) throw notVerified("the verification report names no module", "Verify the archive again.");
  if (module.packaging !== "database") {
    throw notVerified(
      `module ${module.name} is not a database package (Packaging is "${module.packaging ?? ""}")`,
      "Build it with IPM's package-database."
    );
  }
  if (!module.irisVersion) {
    throw notVerified(
      `module ${module.name} names no IRIS version (SystemRequirements/@Version)`,
      "IPM needs it to build the tag; package it with IPM's package-database."
    );
  }
  checkModuleVersion(module.version, opts.allowPrerelease);
  const facts = {
    moduleName: module.name,
    version: module.version,
    irisVersion: module.irisVersion,
    description: module.description,
    moduleXml: module.manifestXml,
    created: opts.created,
    layer: { digest: `sha256:${report.archive.sha256}`, size: report.archive.size }
  };
  if (opts.source) facts.source = opts.source;
  return facts;
}
function parseManifest(bytes) {
  try {
    const parsed = JSON.parse(bytes.toString("utf8"));
    return parsed !== null && typeof parsed === "object" ? parsed : void 0;
  } catch {
    return void 0;
  }
}
function manifestDifferences(existing, next) {
  if (!existing) return "the existing manifest is not JSON";
  const out = [];
  const layer = existing.layers?.[0]?.digest;
  if (layer !== next.layers[0]?.digest) out.push(`layer ${layer ?? "missing"} there, ${next.layers[0]?.digest} here`);
  const a = existing.annotations ?? {};
  const b = next.annotations ?? {};
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => k !== "org.opencontainers.image.created" && a[k] !== b[k]
  );
  if (keys.length > 0) out.push(`annotations differ: ${keys.sort().join(", ")}`);
  if (out.length === 0) out.push("manifest structure differs");
  return out.join("; ");
}
async function publishPackage(opts) {
  const logger = opts.logger ?? silentLogger;
  const { access: access2 } = opts;
  const registry = access2.host;
  const report = opts.report ?? await opts.verifier.file(opts.archivePath);
  const facts = packageFacts(report, {
    allowPrerelease: opts.allowPrerelease ?? false,
    created: opts.created ?? (/* @__PURE__ */ new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"),
    ...opts.source ? { source: opts.source } : {}
  });
  const repository = ipmRepositoryPath(access2.namespace, facts.moduleName);
  const tag = ipmDatabaseTag(facts.version, facts.irisVersion);
  const reference = `${registry}/${repository}:${tag}`;
  const size = (await stat13(opts.archivePath)).size;
  if (size !== report.archive.size) {
    throw notVerified(
      `${opts.archivePath} is ${size} bytes, ${report.archive.size} when it was verified`,
      "The file changed after verification: verify it again."
    );
  }
  let manifest = buildIpmManifest(facts);
  const serialized = serializeManifest(manifest);
  const result = (digest2, unchanged, bytesUploaded, uploaded, roundTrip2) => ({
    reference,
    tag,
    digest: digest2,
    unchanged,
    roundTrip: roundTrip2,
    registry,
    repository,
    dryRun: roundTrip2 === null,
    bytesUploaded,
    layer: { ...facts.layer, uploaded },
    manifest
  });
  if (opts.dryRun) {
    if (await sha256OfFile(opts.archivePath) !== report.archive.sha256) {
      throw notVerified(`${opts.archivePath} changed since it was verified (sha256 differs)`, "Verify it again.");
    }
    logger.info(`dry run: would publish ${reference} (manifest ${serialized.digest}); nothing was sent`);
    return result(serialized.digest, false, 0, false, null);
  }
  const client = new RegistryClient(access2, { logger, ...opts.clientOptions });
  const roundTrip = async (digest2, readLayer) => {
    const proof = await verifyRoundTrip(client, {
      repository,
      tag,
      digest: digest2,
      expected: manifest,
      readLayer,
      verifyStream: opts.verifier.stream,
      waivedRules: opts.allowPrerelease ? ["version"] : []
    });
    logger.info(
      `round-trip: verified ${reference}@${proof.digest}${readLayer ? "" : " (layer unchanged, not read again)"}`
    );
    return proof;
  };
  const existing = await client.getManifest(repository, tag, "pull,push");
  if (existing) {
    const existingManifest = parseManifest(existing.bytes);
    const existingCreated = existingManifest?.annotations?.["org.opencontainers.image.created"];
    if (existingCreated !== void 0) {
      const same = buildIpmManifest({ ...facts, created: existingCreated });
      if (serializeManifest(same).digest === existing.digest) {
        manifest = same;
        logger.info(`${reference} already holds this package (${existing.digest}); nothing to upload`);
        return result(existing.digest, true, 0, false, await roundTrip(existing.digest, false));
      }
    }
    if (!opts.force) {
      const differences = manifestDifferences(existingManifest, manifest);
      throw new IpmDbError(
        "tag-exists",
        `${reference} already exists with different content (${existing.digest}): ${differences}`,
        {
          hint: "Released versions are immutable: bump the module version, or set overwrite-tags (--overwrite-tags) to overwrite the tag."
        }
      );
    }
    logger.warn(`${reference} exists with different content (${existing.digest}); overwriting it (--force)`);
  }
  if (opts.client === "oras") {
    const credentials = access2.credentialsFor(registry);
    const digest2 = await pushWithOras({
      archivePath: opts.archivePath,
      reference,
      manifest,
      plainHttp: access2.plainHttp,
      ...credentials ? { credentials } : {}
    });
    return result(digest2, false, facts.layer.size, true, await roundTrip(digest2, true));
  }
  await client.uploadBlobBytes(repository, EMPTY_CONFIG_DIGEST, EMPTY_CONFIG);
  let upload;
  try {
    upload = await client.uploadBlobFromFile(repository, opts.archivePath, facts.layer.digest, facts.layer.size);
  } catch (err) {
    if (await sha256OfFile(opts.archivePath) !== report.archive.sha256) {
      throw notVerified(
        `${opts.archivePath} changed since it was verified (sha256 differs)`,
        "Verify it again; nothing was tagged."
      );
    }
    throw err;
  }
  if (upload.sha256 !== null && upload.sha256 !== report.archive.sha256) {
    throw notVerified(
      `the bytes uploaded from ${opts.archivePath} are not the ones verified`,
      "Verify it again; nothing was tagged."
    );
  }
  logger.info(
    upload.skipped ? `layer ${facts.layer.digest} already in ${repository}` : `uploaded ${upload.bytesSent} bytes of ${facts.layer.digest}`
  );
  const digest = await client.putManifest(repository, tag, serialized.bytes);
  if (digest !== serialized.digest) {
    throw new IpmDbError(
      "registry-manifest",
      `the registry stored ${reference} as ${digest}, expected ${serialized.digest}`
    );
  }
  return result(digest, false, upload.bytesSent, !upload.skipped, await roundTrip(digest, true));
}

// src/pipeline/upgrade/stage.ts
import { readFile as readFile6 } from "node:fs/promises";
import { join as join28 } from "node:path";

// src/oci/pull.ts
import { mkdir as mkdir12 } from "node:fs/promises";
import { basename as basename8, join as join27 } from "node:path";
function safeFileName(title, fallback) {
  const name = title === void 0 ? "" : basename8(title.replace(/\\/g, "/"));
  return name && name !== "." && name !== ".." && /^[\w.+-]+$/.test(name) ? name : fallback;
}
async function pullPackage(client, ref, dir) {
  const fetched = await client.getManifest(ref.repository, ref.digest ?? ref.tag);
  if (!fetched) throw new IpmDbError("not-found", `${formatReference(ref)} does not exist`);
  const manifest = JSON.parse(fetched.bytes.toString("utf8"));
  const layer = (manifest.layers ?? []).find((l) => l.mediaType === IPM_LAYER_MEDIA_TYPE);
  if (!layer) {
    throw new IpmDbError("not-an-ipm-package", `${formatReference(ref)} has no ${IPM_LAYER_MEDIA_TYPE} layer`, {
      hint: 'Check it with "ipm-db inspect".'
    });
  }
  await mkdir12(dir, { recursive: true });
  const fallback = `${ref.repository.split("/").pop() ?? "package"}-${ref.tag ?? "package"}.tgz`;
  const file = join27(dir, safeFileName(layer.annotations?.[TITLE_ANNOTATION], fallback));
  await client.downloadBlob(ref.repository, layer.digest, layer.size, file);
  return {
    reference: formatReference(ref),
    manifestDigest: fetched.digest,
    file,
    size: layer.size,
    layerDigest: layer.digest
  };
}

// src/pipeline/upgrade/stage.ts
function updatePackageOf(moduleXml) {
  return parseModuleXml(moduleXml).updatePackage;
}
function registryPuller(clientFor) {
  return async (reference, dir) => {
    const ref = parseReference(reference, { requireTagOrDigest: true });
    return (await pullPackage(clientFor(ref.registry), ref, dir)).file;
  };
}
function upgradeStage(options, pull) {
  return {
    name: "upgrade",
    skip: () => options.scenarios.length === 0 ? "no upgrade scenario requested" : null,
    async run(ctx) {
      const module = ctx.module;
      const archive = ctx.archive;
      const setup = ctx.setup;
      if (!module || !archive || !setup)
        throw new IpmDbError(
          "pipeline-order",
          "Internal: the upgrade stage needs a built package; an earlier stage did not run."
        );
      const updatePackage = ctx.report.verification?.module?.updatePackage ?? updatePackageOf(await readFile6(join28(ctx.options.moduleDir, "module.xml"), "utf8"));
      const revision = options.previous.sourceDir ? gitRevision(options.previous.sourceDir) : null;
      const exported = revision ? await exportModuleAt(ctx.options.moduleDir, revision) : null;
      let results;
      try {
        const resolved = exported ? {
          ...options,
          previous: { ...options.previous, sourceDir: exported.dir, sourceLabel: options.previous.sourceDir }
        } : options;
        results = await runUpgradeScenarios(
          driverUpgradeEnvironment(ctx, pull),
          resolved,
          {
            moduleName: module.name,
            version: module.version,
            packagePath: archive.hostPath,
            updatePackage,
            irisMajorMinor: setup.iris.majorMinor
          },
          ctx.logger
        );
      } finally {
        await exported?.remove();
      }
      ctx.report.upgrade = results;
      const failed2 = results.filter((r) => !r.ok);
      if (failed2.length > 0) {
        throw new IpmDbError(
          "upgrade-failed",
          `${failed2.length} of ${results.length} upgrade scenario(s) failed: ${failed2.map((r) => `${r.scenario}: ${r.message}`).join("; ")}`,
          {
            details: renderUpgradeMarkdown(results)
          }
        );
      }
      return `${results.length} upgrade scenario(s) passed: ${results.map((r) => r.scenario).join(", ")}`;
    }
  };
}

// src/action/wiring.ts
function pipelinePort(wiring) {
  return {
    async runImage(o, logger) {
      const stages = o.upgrade ? [...DEFAULT_STAGES, upgradeStageFor(o.upgrade, logger, wiring)] : DEFAULT_STAGES;
      const record = {
        // Recorded before docker creates anything (the runner also reports each one as it creates it).
        beforeStage: (stage, ctx) => {
          o.onStage(stage);
          if (stage === "start") o.onResource({ kind: "container", name: containerNameFor(ctx.runId) });
        },
        afterStage: async (result, ctx) => {
          if (result.status === "failed") await saveFailureLogs(o.outDir, result, ctx.container);
        }
      };
      const report = await runPipeline({
        image: o.image,
        moduleDir: o.moduleDir,
        outDir: o.outDir,
        installer: o.ipmInstaller,
        warmIpmImage: o.warmIpmImage,
        dev: o.dev,
        exportPythonDeps: o.exportPythonDeps,
        interoperability: o.interoperability,
        runTests: o.runTests,
        onResource: o.onResource,
        signal: o.signal,
        containerSlots: o.containerSlots,
        keepContainer: o.keepContainer,
        recordTranscripts: o.recordTranscripts,
        runId: o.runId,
        logger,
        verifyArchive: (path, expected) => verifyArchive(path, expected),
        hooks: [record],
        stages,
        ...wiring.runner ? { docker: { runner: wiring.runner } } : {},
        timeouts: pipelineTimeouts(o.timeouts)
      });
      const logFiles = (await readdir5(o.outDir).catch(() => [])).filter((f) => /\.log$/i.test(f)).map((f) => join29(o.outDir, f));
      return { report, logFiles };
    },
    runIrisUpgrade: (o, logger) => runIrisUpgradePair(o.from, o.to, o.upgrade, {
      installer: o.ipmInstaller,
      interoperability: o.interoperability,
      warmIpmImage: o.warmIpmImage,
      onResource: o.onResource,
      signal: o.signal,
      containerSlots: o.containerSlots,
      keepContainer: o.keepContainer,
      runId: o.runId,
      logger,
      ...wiring.runner ? { docker: { runner: wiring.runner } } : {},
      timeouts: pipelineTimeouts(o.timeouts)
    })
  };
}
function pipelineTimeouts(t) {
  return {
    readyMs: t.startupMs,
    ipmInstallMs: t.commandMs,
    loadMs: t.commandMs,
    packageMs: t.commandMs,
    installMs: t.commandMs,
    testMs: t.commandMs
  };
}
function upgradeStageFor(upgrade, logger, wiring) {
  const pull = registryPuller((other) => new RegistryClient(accessForHost(wiring.registryAccess, other), { logger }));
  return upgradeStage(upgrade, async (reference, dir) => {
    try {
      return await pull(reference, dir);
    } catch (err) {
      throw withActionRegistryHint(err);
    }
  });
}
async function saveFailureLogs(outDir, result, container) {
  await mkdir13(outDir, { recursive: true }).catch(() => {
  });
  if (result.output) await writeFile6(join29(outDir, `${result.stage}-output.log`), redact(result.output)).catch(() => {
  });
  if (!container) return;
  const logs = await container.docker.call(["logs", container.name], { timeoutMs: 3e4 }).catch(() => null);
  if (logs) await writeFile6(join29(outDir, "container.log"), redact(`${logs.stdout}${logs.stderr}`)).catch(() => {
  });
  await container.copyOut(container.messagesLogPath, join29(outDir, "messages.log"), 6e4).catch(() => {
  });
}
function publishPort(wiring) {
  return {
    async publish(r, logger) {
      try {
        const published = await publishPackage({
          archivePath: r.archivePath,
          report: r.verification,
          verifier: {
            file: (path) => verifyArchive(path),
            stream: (chunks, fileName) => verifyArchiveStream(chunks, { path: fileName, fileName })
          },
          access: wiring.registryAccess,
          ...r.sourceUrl ? { source: r.sourceUrl } : {},
          force: r.force,
          allowPrerelease: r.allowPrerelease,
          logger
        });
        if (!published.roundTrip) throw new Error("Internal: a publish that was sent has no round trip");
        return {
          reference: published.reference,
          tag: published.tag,
          digest: published.digest,
          unchanged: published.unchanged,
          roundTrip: published.roundTrip
        };
      } catch (err) {
        throw withActionRegistryHint(err);
      }
    }
  };
}

// src/index.ts
async function main() {
  const given = await readActionInputs({
    get: (name) => getInput(name),
    env: process.env,
    event: readEvent(process.env),
    setSecret: (value) => setSecret(value)
  });
  const io = actionsCore();
  for (const warning2 of given.warnings) io.warning(warning2);
  const { inputs, note } = await resolveAutoVersions(
    given,
    (where) => listIrisTags(where, { plainHttp: false, credentialsFor: dockerConfigCredentials(process.env) })
  );
  if (note) io.info(note);
  const registryAccess2 = actionRegistryAccess(inputs, process.env, (value) => setSecret(value));
  const outcome2 = await run2(inputs, {
    io,
    pipeline: pipelinePort({ registryAccess: registryAccess2 }),
    publisher: publishPort({ registryAccess: registryAccess2 }),
    uploader: artifactServiceAvailable(process.env) ? defaultUploader() : null,
    cache: actionsCacheStore((m) => io.warning(m)),
    docker: dockerCli,
    env: process.env,
    runId: `${process.env.GITHUB_RUN_ID ?? "local"}-${randomBytes2(4).toString("hex")}`
  });
  if (outcome2.failure) {
    const { message, hint } = outcome2.failure;
    setFailed(hint ? `${message}
${hint}` : message);
  }
}
main().catch((err) => {
  if (err instanceof ModuleSettingsError)
    for (const a of settingsAnnotations(err.problems)) actionsCore().annotate(a);
  setFailed(redact(describeError(err)));
}).finally(() => setTimeout(() => process.exit(), 1e3).unref());
