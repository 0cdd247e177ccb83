import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  UPGRADE_SCENARIOS
} from "./chunk-6Z5O7C5P.js";
import {
  printable
} from "./chunk-RWNQWFBA.js";
import {
  TarStreamParser,
  normaliseEntryPath,
  printablePath,
  readModuleManifest
} from "./chunk-MLJMLZZA.js";
import {
  childProcessRunner,
  findOnPath,
  runCommand,
  sha256OfFile
} from "./chunk-UPQPADT4.js";
import {
  formatDuration
} from "./chunk-G7AT5NQ2.js";
import {
  ipmDatabaseTag,
  ipmRepositoryPath,
  parseDatabaseTag
} from "./chunk-TBTJLIKU.js";
import {
  redact,
  registerSecret
} from "./chunk-KHG3NGCP.js";
import {
  IMAGE_REFERENCE,
  MODULE_NAME,
  SEMVER,
  SHA256_HEX_SOURCE,
  imageTag,
  isDigest,
  isGitCommit,
  isModuleName,
  isPlainVersion,
  isSemver,
  isSha256Hex,
  parseReference
} from "./chunk-7XQEMRI4.js";
import {
  IpmDbError,
  UsageError,
  __commonJS,
  __require,
  __toESM,
  describeError,
  errorMessage
} from "./chunk-PS7E4X32.js";

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
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid2 = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid2);
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
          } catch (error) {
            onError(String(error));
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
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
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
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
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
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
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
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
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
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
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
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
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
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

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
        const { start, key: key2, sep: sep5, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key2 ?? sep5?.[0],
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
          if (!keyProps.anchor && !keyProps.tag && !sep5) {
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
        const valueProps = resolveProps.resolveProps(sep5 ?? [], {
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
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep5, null, valueProps, onError);
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
        let sep5 = "";
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
                comment += sep5 + cb;
              sep5 = "";
              break;
            }
            case "newline":
              if (comment)
                sep5 += source;
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
        const { start, key: key2, sep: sep5, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key2 ?? sep5?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep5 && !value) {
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
        if (!isMap2 && !sep5 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep5, null, props, onError);
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
          const valueProps = resolveProps.resolveProps(sep5 ?? [], {
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
              if (sep5)
                for (const st of sep5) {
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
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep5, null, valueProps, onError) : null;
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
      let sep5 = "";
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
          value += sep5 + indent.slice(trimIndent) + content;
          sep5 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep5 === " ")
            sep5 = "\n";
          else if (!prevMoreIndented && sep5 === "\n")
            sep5 = "\n\n";
          value += sep5 + indent.slice(trimIndent) + content;
          sep5 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep5 === "\n")
            value += "\n";
          else
            sep5 = "\n";
        } else {
          value += sep5 + content;
          sep5 = " ";
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
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
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
      let sep5 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep5 === "\n")
            res += sep5;
          else
            sep5 = "\n";
        } else {
          res += sep5 + lm;
          sep5 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep5 + (match?.[1] ?? "");
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
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
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
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
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
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
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
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
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
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
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
    function stringifyItem({ start, key: key2, sep: sep5, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key2)
        res += stringifyToken(key2);
      if (sep5)
        for (const st of sep5)
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
      *pop(error) {
        const token = error ?? this.stack.pop();
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
          let sep5;
          if (scalar.end) {
            sep5 = scalar.end;
            sep5.push(this.sourceToken);
            delete scalar.end;
          } else
            sep5 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep5 }]
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
                  const sep5 = it.sep;
                  sep5.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key: key2, sep: sep5 }]
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
            const sep5 = fc.end.splice(1, fc.end.length);
            sep5.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep5 }]
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
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
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

// src/ipm/ipm-source.ts
import { createHash } from "node:crypto";
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createGunzip } from "node:zlib";
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
var DEFAULT_LIMITS = { maxEntries: 5e4, maxTotalSize: 512 * 1024 * 1024 };
function invalid(pin, message) {
  return new IpmDbError("ipm-source-invalid", `The source archive ${sourceArchiveUrl(pin)} ${message}`, {
    hint: "Check the commit and ipm-git-repository: the archive must be the repository snapshot GitHub serves for that commit."
  });
}
async function unpackSourceArchive(archive, pin, destination, limits = DEFAULT_LIMITS) {
  const top = expectedTopFolder(pin);
  const entries = await readEntries(archive, pin, top, limits);
  const partial = `${destination}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  try {
    await mkdir(partial, { recursive: true });
    for (const e of entries) {
      const target = join(partial, e.path);
      if (e.kind === "directory") await mkdir(target, { recursive: true, mode: 511 });
      else {
        await mkdir(dirname(target), { recursive: true, mode: 511 });
        await writeFile(target, Buffer.concat(e.data));
        await chmod(target, 438);
      }
    }
    await makeDirectoriesWritable(partial, entries);
    const root = join(partial, top);
    for (const f of REQUIRED_FILES)
      if (!(await stat(join(root, f)).catch(() => null))?.isFile())
        throw invalid(pin, `has no ${top}/${f}: it is not an IPM source tree IPM's installer can set up.`);
    for (const d of REQUIRED_DIRS)
      if (!(await stat(join(root, d)).catch(() => null))?.isDirectory())
        throw invalid(pin, `has no ${top}/${d}/ folder: it is not an IPM source tree.`);
    await rm(destination, { recursive: true, force: true });
    await rename(partial, destination);
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
  return join(destination, top);
}
async function makeDirectoriesWritable(root, entries) {
  const dirs = /* @__PURE__ */ new Set();
  for (const e of entries) {
    const parts = e.path.split("/");
    for (let i = 1; i <= (e.kind === "directory" ? parts.length : parts.length - 1); i++)
      dirs.add(parts.slice(0, i).join("/"));
  }
  for (const d of dirs) await chmod(join(root, d), 511);
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
    await new Promise((resolve2, reject) => {
      const gunzip = createGunzip();
      gunzip.on("data", (chunk) => parser.write(chunk));
      gunzip.on("end", () => resolve2());
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
  await mkdir(options.workDir, { recursive: true });
  const url = sourceArchiveUrl(pin);
  const tree = join(options.workDir, `ipm-source-${pin.commit}`);
  if (local) {
    const bytes2 = await readFile(local.path);
    const sha2 = createHash("sha256").update(bytes2).digest("hex");
    if (sha2 !== local.sha256)
      throw new IpmDbError(
        "installer-checksum-mismatch",
        `The IPM source archive ${local.path} has SHA-256 ${sha2}, not the ${local.sha256} recorded when it was fetched.`
      );
    const root2 = await unpackSourceArchive(bytes2, pin, tree);
    return { root: root2, archiveSha256: sha2, archivePath: local.path, url, origin: "path" };
  }
  const archivePath = join(options.workDir, `${sourceCacheKey(pin)}.tar.gz`);
  const key2 = sourceCacheKey(pin);
  if (options.cache && await options.cache.restore(key2, archivePath).catch(() => false)) {
    const bytes2 = await readFile(archivePath).catch(() => null);
    if (bytes2) {
      try {
        const root2 = await unpackSourceArchive(bytes2, pin, tree);
        const sha2 = createHash("sha256").update(bytes2).digest("hex");
        return { root: root2, archiveSha256: sha2, archivePath, url, origin: "cache" };
      } catch {
      }
    }
    await rm(archivePath, { force: true });
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

// src/ipm/installer.ts
import { createHash as createHash2 } from "node:crypto";
import { copyFile, mkdir as mkdir2, rename as rename2, rm as rm2, stat as stat2, writeFile as writeFile2 } from "node:fs/promises";
import { join as join2, resolve } from "node:path";
function installerPin(resolved) {
  if (resolved.git) return `git-${resolved.git.commit}`;
  return `${resolved.version ?? "xml"}-${resolved.sha256}`;
}
var KNOWN_INSTALLER_SHA256 = {};
var IPM_RELEASE_URL = "https://github.com/intersystems/ipm/releases/download/v{version}/zpm-{version}.xml";
function installerUrl(version, releaseUrl = IPM_RELEASE_URL) {
  return releaseUrl.replaceAll("{version}", version);
}
async function parseInstallerSpec(spec, sha256, cwd) {
  if (sha256 !== void 0 && !isSha256Hex(sha256))
    throw new UsageError(`--ipm-sha256 must be 64 hexadecimal digits, got "${sha256}".`);
  const version = spec.replace(/^v/, "");
  const looksLikePath = spec.endsWith(".xml") || spec.includes("/") || spec.includes("\\");
  if (!looksLikePath && isSemver(version)) {
    return { kind: "version", version, ...sha256 ? { sha256: sha256.toLowerCase() } : {} };
  }
  const path = resolve(cwd, spec);
  const info = await stat2(path).catch(() => null);
  if (!info?.isFile())
    throw new UsageError(
      `--ipm "${spec}" is neither an IPM version (e.g. 0.10.10) nor an installer XML file that exists.`
    );
  return { kind: "path", path, ...sha256 ? { sha256: sha256.toLowerCase() } : {} };
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
  await mkdir2(options.workDir, { recursive: true });
  const destination = join2(options.workDir, `zpm-${source.version}.xml`);
  const key2 = `ipm-installer-${source.version}-${expected}`;
  if (options.cache && await options.cache.restore(key2, destination).catch(() => false)) {
    const cached = await sha256OfFile(destination).catch(() => "");
    if (cached === expected)
      return { path: destination, sha256: expected, version: source.version, origin: "cache", url };
    await rm2(destination, { force: true });
  }
  const bytes = await downloadBytes(url, options, "the IPM installer");
  const actual = createHash2("sha256").update(bytes).digest("hex");
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
function directoryCache(dir) {
  const fileFor = (key2) => join2(dir, `${key2.replace(/[^A-Za-z0-9._-]/g, "_")}${key2.startsWith("ipm-source-") ? ".tar.gz" : ".xml"}`);
  return {
    async restore(key2, destination) {
      const file = fileFor(key2);
      if (!await stat2(file).catch(() => null)) return false;
      await copyFile(file, destination);
      return true;
    },
    async save(key2, source) {
      await mkdir2(dir, { recursive: true });
      await copyFile(source, fileFor(key2));
    }
  };
}

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
    return new Promise((resolve2) => this.waiting.push(resolve2));
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

// src/pipeline/stages.ts
import { stat as stat7 } from "node:fs/promises";
import { basename as basename3 } from "node:path";

// src/iris/container.ts
import { randomBytes } from "node:crypto";
import { chmod as chmod2, lstat, mkdtemp, readFile as readFile2, rename as rename3, rm as rm3 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname as dirname2, join as join3 } from "node:path";

// src/iris/docker.ts
var Docker = class {
  host;
  binary;
  runner;
  defaultTimeoutMs;
  constructor(options = {}) {
    this.host = options.host;
    this.binary = options.binary ?? "docker";
    this.runner = options.runner ?? childProcessRunner;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 6e4;
  }
  /** Runs `docker <args>`; never throws for a non-zero exit (see `check`). */
  async call(args, options = {}) {
    const env = { ...options.env ?? {} };
    if (this.host) env.DOCKER_HOST = this.host;
    const result = await this.runner.run(this.binary, args, {
      timeoutMs: options.timeoutMs ?? this.defaultTimeoutMs,
      env,
      ...options.input === void 0 ? {} : { input: options.input }
    });
    if (result.exitCode === 127 && /^timeout: failed to run command/m.test(result.stderr))
      throw dockerMissing(this.binary);
    return result;
  }
  /** Runs `docker <args>` and throws IpmDbError(code) unless it exits 0. */
  async check(code, what, args, options = {}) {
    const result = await this.call(args, options);
    if (result.timedOut)
      throw new IpmDbError(
        "docker-timeout",
        `${what}: docker did not answer within ${formatDuration(options.timeoutMs ?? this.defaultTimeoutMs)}.`,
        {
          details: redact(result.stderr.trim())
        }
      );
    if (result.exitCode !== 0) {
      const stderr = redact(result.stderr.trim());
      throw daemonProblem(stderr) ?? new IpmDbError(code, `${what} failed (docker exit ${result.exitCode}): ${firstLine(stderr)}`, {
        details: stderr
      });
    }
    return result;
  }
  /** A clear error when the docker CLI is missing or its daemon is not running. */
  async assertAvailable() {
    if (!this.binary.includes("/") && !findOnPath(this.binary)) throw dockerMissing(this.binary);
    const result = await this.call(["version", "--format", "{{.Server.Version}}"], { timeoutMs: 3e4 });
    if (result.exitCode !== 0 || result.timedOut) {
      const stderr = redact(result.stderr.trim());
      throw daemonProblem(stderr) ?? new IpmDbError(
        "docker-unavailable",
        `The Docker daemon did not answer "docker version": ${firstLine(stderr) || "no answer"}.`,
        {
          hint: "Start Docker (or set DOCKER_HOST) and try again.",
          details: stderr
        }
      );
    }
    return result.stdout.trim();
  }
};
function dockerMissing(binary) {
  return new IpmDbError("docker-missing", `The docker command ("${binary}") was not found.`, {
    hint: 'Install Docker (https://docs.docker.com/get-docker/) and make sure "docker" is on PATH.'
  });
}
function daemonProblem(stderr) {
  if (/Cannot connect to the Docker daemon|Is the docker daemon running|error during connect|connect: no such file or directory|connection refused/i.test(
    stderr
  ))
    return new IpmDbError("docker-daemon-down", "The Docker daemon is not running or not reachable.", {
      hint: 'Start Docker (e.g. "sudo systemctl start docker" or Docker Desktop), or point DOCKER_HOST at a running daemon.',
      details: stderr
    });
  if (/permission denied.*docker\.sock/i.test(stderr))
    return new IpmDbError("docker-permission", "Permission denied talking to the Docker daemon.", {
      hint: 'Add your user to the "docker" group or run with the rights to use the Docker socket.',
      details: stderr
    });
  return null;
}
function firstLine(text) {
  return text.split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
}

// src/iris/validate.ts
var PATTERNS = {
  "module name": MODULE_NAME,
  "module version": SEMVER,
  // %SYS, or letters/digits/'-'/'_' starting with a letter (what InitializeNamespace produces, e.g. USER-PKG).
  namespace: /^(%SYS|[A-Z][A-Z0-9_-]{0,62})$/,
  "namespace postfix": /^[A-Z][A-Z0-9]{0,15}$/,
  // Absolute, no spaces (IPM's shell splits arguments on spaces), no '..' segment.
  "container path": /^(?=.{1,1024}$)(\/(?!\.\.?(\/|$))[A-Za-z0-9._+@=,-]+)+\/?$/,
  "class name": /^%?[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/,
  "environment variable name": /^[A-Z_][A-Z0-9_]{0,63}$/,
  "result key": /^[a-z][A-Za-z0-9_.-]{0,63}$/,
  variable: /^[a-zA-Z][a-zA-Z0-9]{0,30}(\.[A-Z][A-Za-z0-9]{0,62})?$/,
  "IPM modifier": /^-[a-z][a-z-]{0,40}$/,
  "container name": /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/,
  image: IMAGE_REFERENCE,
  "label value": /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/
};
var CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
function hasControlCharacter(value) {
  return CONTROL.test(value);
}
function preview(value) {
  const shown = JSON.stringify(value);
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}
function unsafeValue(kind, value, why) {
  return new IpmDbError("unsafe-value", `Refusing ${kind} ${preview(value)}: ${why}.`, {
    hint: "Nothing was sent to IRIS. Use a value made only of the characters the pattern allows."
  });
}
function validate(kind, value) {
  if (typeof value !== "string") throw unsafeValue(kind, String(value), "not a string");
  if (hasControlCharacter(value)) throw unsafeValue(kind, value, "it contains a line break or control character");
  if (!PATTERNS[kind].test(value)) throw unsafeValue(kind, value, `it does not match ${PATTERNS[kind].source}`);
  return value;
}
function isValid(kind, value) {
  return typeof value === "string" && !hasControlCharacter(value) && PATTERNS[kind].test(value);
}
function validateNamespace(value) {
  return validate("namespace", typeof value === "string" ? value.toUpperCase() : value);
}

// src/iris/objectscript.ts
var RESULT_PREFIX = "##IPMDB ";
var STEP_KEY = "ipmdb.step";
var DONE_KEY = "ipmdb.done";
var RESERVED_PREFIX = "ipmdb.";
function quote(value) {
  if (hasControlCharacter(value)) throw unsafeValue("string", value, "it contains a line break or control character");
  return `"${value.replaceAll('"', '""')}"`;
}
var FAIL = "if 'sc { do $system.OBJ.DisplayError(sc) do $system.Process.Terminate($job,1) }";
function renderExpression(e) {
  switch (e.kind) {
    case "literal":
      return quote(e.value);
    case "integer":
      if (!Number.isSafeInteger(e.value)) throw unsafeValue("integer", String(e.value), "not a safe integer");
      return String(e.value);
    case "zversion":
      return "$zversion";
    case "versionMajor":
      return "$system.Version.GetMajor()";
    case "versionMinor":
      return "$system.Version.GetMinor()";
    case "versionNumber":
      return "$system.Version.GetNumber()";
    case "currentNamespace":
      return "$namespace";
    case "classExists":
      return `##class(%Dictionary.CompiledClass).%ExistsId(${quote(validate("class name", e.className))})`;
    case "ipmVersion":
      return '##class(%IPM.Main).GetVersionModule("zpm")';
    case "namespaceExists":
      return `##class(%SYS.Namespace).Exists(${quote(validateNamespace(e.namespace))})`;
    case "environment":
      return `$system.Util.GetEnviron(${quote(validate("environment variable name", e.name))})`;
    case "variable":
      return validate("variable", e.name);
    case "newNamespaceConfig":
      return "##class(%IPM.Storage.ModuleSetting.NamespaceConfig).%New()";
  }
}
function renderIpmCommand(c) {
  if (c.words.length === 0) throw new IpmDbError("unsafe-value", "Refusing an empty IPM command.");
  const parts = [];
  for (const word of c.words) parts.push(checkIpmToken(word, "IPM argument"));
  for (const [flag, value] of c.modifiers) {
    parts.push(validate("IPM modifier", flag));
    if (value !== void 0) parts.push(checkIpmToken(value, "IPM modifier value"));
  }
  return parts.join(" ");
}
function checkIpmToken(token, kind) {
  if (typeof token !== "string" || token.length === 0) throw unsafeValue(kind, String(token), "it is empty");
  if (hasControlCharacter(token)) throw unsafeValue(kind, token, "it contains a line break or control character");
  if (!/^[A-Za-z0-9/][A-Za-z0-9._+@=,/:-]*$/.test(token))
    throw unsafeValue(kind, token, "only letters, digits and . _ + @ = , / : - are allowed, not starting with -");
  return token;
}
function renderOperation(op) {
  switch (op.kind) {
    case "emit":
      return `write ${quote(`${RESULT_PREFIX}${checkKey(op.key)}=`)},${renderExpression(op.expression)},!`;
    case "set":
      return `set ${validate("variable", op.variable)}=${renderExpression(op.expression)}`;
    case "switchNamespace": {
      const ns = quote(validateNamespace(op.namespace));
      return `set $namespace=${ns} if $namespace'=${ns} { do $system.Process.Terminate($job,1) }`;
    }
    case "loadXml":
      return `set sc=$system.OBJ.Load(${quote(validate("container path", op.path))},"ck") ${FAIL}`;
    case "ipmInstallerSetup": {
      const root = validate("container path", op.root);
      if (!root.endsWith("/"))
        throw unsafeValue("container path", root, 'setup appends "src" to it: it must end with /');
      return `set sc=##class(IPM.Installer).setup(${quote(root)},3) ${FAIL}`;
    }
    case "initializeNamespace": {
      const postfix = quote(validate("namespace postfix", op.postfix));
      const out = validate("variable", op.resultVariable);
      const cfg = validate("variable", op.configVariable);
      return `set sc=##class(%IPM.Utils.Build).InitializeNamespace(${postfix},1,.${out},${cfg}) ${FAIL}`;
    }
    case "ipm":
      return `set sc=##class(%IPM.Main).Shell(${quote(renderIpmCommand(op.command))}) ${FAIL}`;
    case "surfaceLine":
      if (op.text.trim() === "") throw unsafeValue("ObjectScript line", op.text, "it is empty");
      if (hasControlCharacter(op.text))
        throw unsafeValue("ObjectScript line", op.text, "it contains a line break or control character");
      if (op.text.includes(`${RESULT_PREFIX}${RESERVED_PREFIX}`))
        throw unsafeValue(
          "ObjectScript line",
          op.text,
          `it writes the session runner's own ${RESERVED_PREFIX} markers`
        );
      return op.text;
  }
}
function checkKey(key2) {
  validate("result key", key2);
  return key2;
}
function describeOperation(op) {
  switch (op.kind) {
    case "emit":
      return `read ${op.key}`;
    case "set":
      return `set ${op.variable}`;
    case "switchNamespace":
      return `switch to namespace ${op.namespace}`;
    case "loadXml":
      return `load ${op.path}`;
    case "ipmInstallerSetup":
      return `IPM.Installer setup ${op.root}`;
    case "initializeNamespace":
      return `create namespace -${op.postfix}`;
    case "ipm":
      return `zpm "${renderIpmCommand(op.command)}"`;
    case "surfaceLine":
      return op.label ?? `ObjectScript: ${op.text.length > 60 ? `${op.text.slice(0, 57)}...` : op.text}`;
  }
}
function renderScript(operations) {
  const lines = [];
  operations.forEach((op, i) => {
    if (op.kind === "emit" && op.key.startsWith(RESERVED_PREFIX))
      throw new IpmDbError("unsafe-value", `Result key "${op.key}" is reserved by the session runner.`);
    lines.push(marker(STEP_KEY, String(i + 1)));
    lines.push(renderOperation(op));
  });
  lines.push(marker(DONE_KEY, "1"));
  lines.push("halt");
  for (const line of lines) {
    if (hasControlCharacter(line)) throw unsafeValue("script line", line, "it contains a control character");
  }
  return { text: lines.join("\n") + "\n", lines };
}
function marker(key2, value) {
  return `write ${quote(`${RESULT_PREFIX}${key2}=`)},${quote(value)},!`;
}

// src/iris/output.ts
var PROMPT = /^(?:%?[A-Za-z][A-Za-z0-9_-]*(?: \d+[a-z]\d*)?>)+/;
var RESULT = new RegExp(`^${RESULT_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([a-z][A-Za-z0-9_.-]*)=(.*)$`);
var OBJECTSCRIPT_ERROR = /^<[A-Z][A-Z ]{1,40}>(?=$|[ *%A-Za-z0-9^+])/;
var ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
function stripPrompt(line) {
  return line.replace(/\r$/, "").replace(ANSI, "").replace(PROMPT, "");
}
function parseSessionOutput(raw) {
  const values3 = /* @__PURE__ */ new Map();
  const results = [];
  let lastStep = 0;
  let completed = false;
  const text = [];
  const objectScriptErrors = [];
  for (const rawLine of raw.split("\n")) {
    const line = stripPrompt(rawLine);
    const at = line.indexOf(RESULT_PREFIX);
    const m = at < 0 ? null : RESULT.exec(line.slice(at));
    if (m) {
      const [, key2, value] = m;
      if (at > 0) text.push(line.slice(0, at));
      if (key2 === STEP_KEY) lastStep = /^\d+$/.test(value) ? Number.parseInt(value, 10) : lastStep;
      else if (key2 === DONE_KEY) completed = completed || value === "1";
      else {
        values3.set(key2, value);
        results.push({ key: key2, value });
      }
      continue;
    }
    if (OBJECTSCRIPT_ERROR.test(line)) objectScriptErrors.push(line.trim());
    text.push(line);
  }
  return { values: values3, results, lastStep, completed, text: trimBlankLines(text).join("\n"), objectScriptErrors };
}
function trimBlankLines(lines) {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === "") start++;
  while (end > start && lines[end - 1].trim() === "") end--;
  const out = [];
  for (const l of lines.slice(start, end)) {
    if (l.trim() === "" && out.length > 0 && out[out.length - 1].trim() === "") continue;
    out.push(l);
  }
  return out;
}
function tail(text, n) {
  const lines = text.replace(/\s+$/, "").split("\n");
  return lines.slice(Math.max(0, lines.length - n)).join("\n");
}

// src/iris/startup.ts
var LICENCE_EXPIRED = "iris-licence-expired";
var LICENCE_CORE_LIMIT = "iris-licence-core-limit";
var EXPIRED_LINE = /Community License expired/i;
var INVALID_LINE = /Invalid Community Edition license, may have exceeded core limit/i;
function licenceFailure(image, log, details) {
  if (EXPIRED_LINE.test(log))
    return new IpmDbError(
      LICENCE_EXPIRED,
      `The community licence of ${image} has expired: IRIS stopped during startup ("Community License expired.").`,
      {
        hint: "Community images carry a time-limited licence: run on a newer community release, or on a licensed image. The reusable workflow with iris-versions auto skips such a version.",
        details
      }
    );
  if (INVALID_LINE.test(log))
    return new IpmDbError(
      LICENCE_CORE_LIMIT,
      `IRIS in ${image} refused its community licence during startup ("Invalid Community Edition license, may have exceeded core limit"): the container sees more CPU cores than the community licence allows.`,
      {
        hint: "Run on a runner with fewer cores, or give the container fewer CPUs (docker run --cpuset-cpus through docker-arg / extra docker arguments), or use a licensed image.",
        details
      }
    );
  return null;
}

// src/iris/container.ts
var RUN_LABEL = "ipm-db.run";
var WORK_DIR = "/tmp/ipm-db";
var WAIT_READY_SCRIPTS = [
  "/usr/irissys/dev/Cloud/ICM/waitReady.sh",
  "/usr/irissys/dev/Container/waitReady.sh"
];
var DEFAULT_MESSAGES_LOG = "/usr/irissys/mgr/messages.log";
function newRunId() {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}
function needsCheckCapsFalse(image) {
  return /^(2021\.|2022\.1($|[.-]))/.test(imageTag(image) ?? "");
}
function containerNameFor(runId) {
  return validate("container name", `ipm-db-${validate("label value", runId)}`);
}
function buildRunArgs(spec, name) {
  validate("image", spec.image);
  const args = ["run", "-d", "--name", name, "--label", `${RUN_LABEL}=${validate("label value", spec.runId)}`];
  args.push(`--network=${validate("label value", spec.network ?? "none")}`);
  for (const m of spec.mounts ?? []) {
    for (const part of [m.source, m.target]) {
      if (hasControlCharacter(part) || part.includes(",") || part.includes(":"))
        throw unsafeValue("mount", part, 'mount paths may not contain ",", ":" or control characters');
    }
    validate("container path", m.target);
    args.push(
      "--mount",
      `type=${m.source.startsWith("/") ? "bind" : "volume"},source=${m.source},target=${m.target}${m.readOnly ? ",readonly" : ""}`
    );
  }
  for (const [k, v] of Object.entries(spec.env ?? {})) {
    validate("environment variable name", k);
    if (hasControlCharacter(v)) throw unsafeValue("environment value", v, "it contains a control character");
    args.push("-e", `${k}=${v}`);
  }
  for (const a of spec.extraDockerArgs ?? []) {
    if (hasControlCharacter(a)) throw unsafeValue("docker argument", a, "it contains a control character");
    args.push(a);
  }
  args.push(spec.image);
  const checkCaps = spec.checkCapsFalse ?? needsCheckCapsFalse(spec.image);
  if (checkCaps) args.push("--check-caps", "false");
  for (const a of spec.irisArgs ?? []) {
    if (hasControlCharacter(a)) throw unsafeValue("IRIS argument", a, "it contains a control character");
    args.push(a);
  }
  return args;
}
async function dockerLogin(docker, login) {
  registerSecret(login.password);
  if (hasControlCharacter(login.registry) || login.registry.startsWith("-") || !login.registry)
    throw unsafeValue("registry", login.registry, "not a registry host name");
  if (hasControlCharacter(login.username) || login.username.startsWith("-") || !login.username)
    throw unsafeValue("user name", login.username, "not a user name");
  await docker.check(
    "docker-login-failed",
    `docker login ${login.registry}`,
    ["login", login.registry, "-u", login.username, "--password-stdin"],
    {
      input: login.password,
      timeoutMs: 6e4
    }
  );
}
function messagesLogFor(spec) {
  const data = spec.env?.ISC_DATA_DIRECTORY;
  return data ? `${data.replace(/\/+$/, "")}/mgr/messages.log` : DEFAULT_MESSAGES_LOG;
}
async function startIris(docker, spec, options) {
  const name = spec.name ? validate("container name", spec.name) : containerNameFor(spec.runId);
  const container = new IrisContainer(docker, name, spec.runId, messagesLogFor(spec));
  try {
    const args = buildRunArgs(spec, name);
    options.onResource?.({ kind: "container", name });
    options.logger.debug(`docker ${args.join(" ")}`);
    await docker.check("iris-start-failed", `Starting ${spec.image}`, args, {
      timeoutMs: options.runTimeoutMs ?? 6e5
    });
    await container.waitReady({ ...options, image: spec.image });
  } catch (err) {
    await container.remove().catch(() => {
    });
    throw err;
  }
  return container;
}
var IrisContainer = class {
  constructor(docker, name, runId, messagesLogPath) {
    this.docker = docker;
    this.name = name;
    this.runId = runId;
    this.messagesLogPath = messagesLogPath;
  }
  docker;
  name;
  runId;
  messagesLogPath;
  /** `docker exec [-i] [-e NAME...] <c> <command...>`; values of `secretEnv` travel in the client's environment only. */
  exec(command, options = {}) {
    const args = ["exec"];
    if (options.input !== void 0) args.push("-i");
    for (const [k, v] of Object.entries(options.secretEnv ?? {})) {
      validate("environment variable name", k);
      registerSecret(v);
      args.push("-e", k);
    }
    args.push(this.name, ...command);
    return this.docker.call(args, {
      ...options.input === void 0 ? {} : { input: options.input },
      ...options.secretEnv ? { env: options.secretEnv } : {},
      ...options.timeoutMs === void 0 ? {} : { timeoutMs: options.timeoutMs }
    });
  }
  /**
   * Creates a directory (its parent must exist) with `docker cp` of an empty mode-0777 directory,
   * so IRIS (user irisowner) can write into it and the image needs no mkdir. Idempotent.
   */
  async mkdir(path) {
    validate("container path", path);
    const empty = await mkdtemp(join3(tmpdir(), "ipm-db-dir-"));
    try {
      await chmod2(empty, 511);
      await this.docker.check("container-file-failed", `Creating ${path} in the container`, [
        "cp",
        `${empty}/.`,
        `${this.name}:${path}`
      ]);
    } finally {
      await rm3(empty, { recursive: true, force: true });
    }
  }
  async copyIn(hostPath, containerPath, timeoutMs = 3e5) {
    validate("container path", containerPath);
    await this.docker.check(
      "container-copy-failed",
      `Copying ${hostPath} into the container`,
      ["cp", hostPath, `${this.name}:${containerPath}`],
      { timeoutMs }
    );
  }
  /**
   * Copies one regular file out. docker cp copies a link as a link (and a FIFO or device as one):
   * it lands in a fresh directory beside `hostPath`, is checked with lstat, and only a regular file
   * is moved into place, so nothing the container made is ever followed on the host.
   */
  async copyOut(containerPath, hostPath, timeoutMs = 3e5) {
    validate("container path", containerPath);
    const staging = await mkdtemp(join3(dirname2(hostPath), ".ipm-db-copy-"));
    try {
      const copy = join3(staging, "file");
      await this.docker.check(
        "container-copy-failed",
        `Copying ${containerPath} out of the container`,
        ["cp", `${this.name}:${containerPath}`, copy],
        { timeoutMs }
      );
      const info = await lstat(copy);
      if (!info.isFile())
        throw new IpmDbError(
          "container-file-refused",
          `${containerPath} in the container is ${fileKind(info)}, not a regular file: it was not copied out.`,
          { hint: "The module or IPM made it so; only regular files leave the container." }
        );
      await rename3(copy, hostPath);
    } finally {
      await rm3(staging, { recursive: true, force: true });
    }
  }
  /** A text file's content, copied out with `docker cp` (works on images without cat). */
  async readFile(path) {
    const dir = await mkdtemp(join3(tmpdir(), "ipm-db-read-"));
    try {
      const file = join3(dir, "file");
      await this.copyOut(path, file, 6e4);
      return await readFile2(file, "utf8");
    } finally {
      await rm3(dir, { recursive: true, force: true });
    }
  }
  async isRunning() {
    const r = await this.docker.call(["inspect", "-f", "{{.State.Running}} {{.State.ExitCode}}", this.name], {
      timeoutMs: 3e4
    });
    if (r.exitCode !== 0) return { running: false, exitCode: null };
    const [running, code] = r.stdout.trim().split(" ");
    return { running: running === "true", exitCode: code === void 0 ? null : Number(code) };
  }
  /** The last lines of `docker logs` and of messages.log, for error details (never throws). */
  async diagnostics(lines = 40) {
    const parts = [];
    const logs = await this.docker.call(["logs", "--tail", String(lines), this.name], { timeoutMs: 3e4 }).catch(() => null);
    if (logs)
      parts.push(
        `--- docker logs ${this.name} (last ${lines} lines) ---
${tail(`${logs.stdout}${logs.stderr}`, lines) || "(empty)"}`
      );
    const messages = await this.readFile(this.messagesLogPath).catch(() => null);
    if (messages !== null)
      parts.push(`--- ${this.messagesLogPath} (last ${lines} lines) ---
${tail(messages, lines)}`);
    else parts.push(`--- ${this.messagesLogPath}: not readable ---`);
    return redact(parts.join("\n"));
  }
  /**
   * Waits until IRIS answers: waitReady.sh at either documented path when the image has
   * one, otherwise a session that just halts. Bounded by `readyTimeoutMs`.
   */
  async waitReady(options) {
    const limit = options.readyTimeoutMs ?? 3e5;
    const interval = options.pollIntervalMs ?? 2e3;
    const deadline = Date.now() + limit;
    let scripts = [...WAIT_READY_SCRIPTS];
    let lastProblem = "";
    for (let attempt = 1; Date.now() < deadline && attempt <= 1e4; attempt++) {
      const state = await this.isRunning();
      if (!state.running) {
        const details2 = await this.diagnostics();
        throw licenceFailure(options.image ?? this.name, details2, details2) ?? new IpmDbError(
          "iris-exited",
          `The IRIS container ${this.name} stopped before it was ready (exit ${state.exitCode ?? "unknown"}).`,
          {
            hint: 'Read the container log below; for 2021.* / 2022.1.* images "--check-caps false" is passed automatically.',
            details: details2
          }
        );
      }
      const remaining = Math.max(1e3, deadline - Date.now());
      let probe2 = null;
      while (scripts.length > 0) {
        const script = scripts[0];
        probe2 = await this.exec([script], { timeoutMs: Math.min(remaining, 12e4) });
        if (isMissingExecutable(probe2)) {
          scripts = scripts.slice(1);
          probe2 = null;
          continue;
        }
        break;
      }
      if (!probe2)
        probe2 = await this.exec(["iris", "session", "IRIS"], {
          input: "halt\n",
          timeoutMs: Math.min(remaining, 6e4)
        });
      if (probe2.exitCode === 0 && !probe2.timedOut) {
        options.logger.debug(`IRIS ready after ${attempt} probe(s)`);
        return;
      }
      lastProblem = firstLine(redact(`${probe2.stderr}
${probe2.stdout}`)) || `exit ${probe2.exitCode}`;
      if (Date.now() + interval >= deadline) break;
      await sleep(interval);
    }
    const details = await this.diagnostics();
    throw licenceFailure(options.image ?? this.name, details, details) ?? new IpmDbError(
      "iris-not-ready",
      `IRIS in container ${this.name} was not ready within ${formatDuration(limit)} (last probe: ${lastProblem || "none"}).`,
      {
        hint: "Raise the readiness timeout, or read the container log and messages.log below for why IRIS did not start.",
        details
      }
    );
  }
  /** Stops and removes the container (and its anonymous volumes); named volumes stay. */
  async remove() {
    await this.docker.check("docker-cleanup-failed", `Removing ${this.name}`, ["rm", "-f", "-v", this.name], {
      timeoutMs: 12e4
    });
  }
};
function fileKind(info) {
  if (info.isSymbolicLink()) return "a symbolic link";
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a FIFO";
  if (info.isSocket()) return "a socket";
  if (info.isBlockDevice() || info.isCharacterDevice()) return "a device";
  return "not a regular file";
}
function isMissingExecutable(r) {
  return (r.exitCode === 126 || r.exitCode === 127) && /no such file|not found|executable file not found/i.test(r.stderr);
}
function sleep(ms) {
  return new Promise((resolve2) => setTimeout(resolve2, ms));
}
async function removeRunResources(docker, runId, opts = {}) {
  const problems = [];
  const removed = [];
  const recorded = opts.recorded ?? [];
  const containers = new Set(recorded.filter((r) => r.kind === "container").map((r) => r.name));
  const volumes = new Set(recorded.filter((r) => r.kind === "volume").map((r) => r.name));
  if (isValid("label value", runId)) {
    const ours = (value) => value === runId || opts.family === true && Boolean(value?.startsWith(`${runId}-`));
    const format = (field) => `{{${field}}}	{{.Label "${RUN_LABEL}"}}`;
    const listed = async (what, args, into) => {
      const result = await docker.call(args, { timeoutMs: 3e4 });
      if (result.exitCode !== 0 || result.timedOut) {
        problems.push(`Listing the run's ${what} failed: ${firstLine(result.stderr) || `exit ${result.exitCode}`}`);
        return;
      }
      for (const line of result.stdout.split("\n")) {
        const [name, value] = line.trim().split("	");
        if (name && ours(value)) into.add(name);
      }
    };
    await listed(
      "containers",
      ["ps", "--all", "--filter", `label=${RUN_LABEL}`, "--format", format(".Names")],
      containers
    );
    await listed("volumes", ["volume", "ls", "--filter", `label=${RUN_LABEL}`, "--format", format(".Name")], volumes);
  }
  const remove = async (kind, name, args, gone) => {
    const result = await docker.call(args, { timeoutMs: 12e4 });
    if (result.exitCode === 0 && !result.timedOut) removed.push({ kind, name });
    else if (!gone.test(result.stderr))
      problems.push(`Removing ${kind} ${name} failed: ${firstLine(result.stderr) || `exit ${result.exitCode}`}`);
  };
  for (const name of containers)
    await remove("container", name, ["rm", "--force", "--volumes", name], /No such container/i);
  for (const name of volumes) await remove("volume", name, ["volume", "rm", "--force", name], /no such volume/i);
  return { removed, problems };
}
async function removeRun(docker, runId) {
  validate("label value", runId);
  const { removed, problems } = await removeRunResources(docker, runId);
  if (problems.length > 0) throw new IpmDbError("docker-cleanup-failed", problems.join("\n"));
  return removed.map((r) => r.name);
}

// src/ipm/manifest.ts
import { readFile as readFile3 } from "node:fs/promises";
import { join as join4 } from "node:path";
function parseModuleXml(xml, where = "module.xml") {
  const { xml: result, manifest } = readModuleManifest(Buffer.from(xml, "utf8"));
  if (!result.ok) {
    const what = result.code === "xml-not-well-formed" ? "is not well-formed XML" : "is refused";
    throw new IpmDbError("module-xml-invalid", `${where} ${what}: ${result.detail}`);
  }
  return manifest;
}
function parseModuleIdentity(xml, where = "module.xml") {
  const { name, version } = parseModuleXml(xml, where);
  if (!name || !version)
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
  if (!isSemver(version))
    throw new IpmDbError(
      "module-xml-invalid",
      `${where}: version "${printable(version)}" is not a semantic version (e.g. 1.2.3).`
    );
  return { name, version };
}
async function readModuleIdentity(moduleDir) {
  const file = join4(moduleDir, "module.xml");
  const xml = await readFile3(file, "utf8").catch((err) => {
    throw new IpmDbError("module-xml-missing", `No module.xml in ${moduleDir} (${err.code ?? err.message}).`, {
      hint: "Point --module at the directory that holds the module's module.xml."
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
      const version = value.slice(bar + 1);
      states.set(name, { name, version: version === "" ? null : version, resources: [] });
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

// src/pipeline/containers.ts
import { join as join11 } from "node:path";

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
  const base = { exitCode, output, operation, running, stderr };
  if (timedOut) return { reason: "timeout", ...base };
  if (exitCode !== 0 && exitCode !== 1 && !output.completed) return { reason: "ended-early", ...base };
  if (exitCode !== 0) return { reason: "exit-status", ...base };
  if (output.objectScriptErrors.length > 0) return { reason: "objectscript-error", ...base };
  if (!output.completed) return { reason: "ended-early", ...base };
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

// src/iris/transcript.ts
import { appendFile, cp, mkdir as mkdir3 } from "node:fs/promises";
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
    await cp(hostPath, join6(dir, file), { recursive: true });
    await append({ seq: n, kind: "copyIn", path: containerPath, file });
  };
  return container;
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
  const error = ipmErrorText(text);
  const known = classifyIpmMessage(error ?? text) ?? classifyIpmMessage(text);
  if (failure.reason === "ended-early" && !error)
    return new IpmDbError("session-ended-early", `The IRIS session ended before ${failure.running} finished.`, {
      hint: "IRIS stopped or the session was cut off; read the IRIS output below.",
      details
    });
  if (failure.reason === "objectscript-error" && !error)
    return new IpmDbError(
      "objectscript-error",
      `IRIS reported ${failure.output.objectScriptErrors[0]} while running ${failure.running}.`,
      { details }
    );
  const message = error ? `${failure.running} failed: ${error}` : `${failure.running} failed (exit ${failure.exitCode}) without an error message.`;
  return new IpmDbError(known?.code ?? fallbackCode, message, { ...known ? { hint: known.hint } : {}, details });
}

// src/ipm/ipm-install.ts
import { basename as basename2 } from "node:path";

// src/ipm/operations.ts
import { chmod as chmod3, cp as cp2, mkdir as mkdir5, mkdtemp as mkdtemp2, readdir as readdir3, rm as rm4, stat as stat5 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { basename, join as join9 } from "node:path";

// src/ipm/module-copy.ts
import { constants } from "node:fs";
import { copyFile as copyFile2, lstat as lstat2, mkdir as mkdir4, readdir, realpath, stat as stat3 } from "node:fs/promises";
import { dirname as dirname3, join as join7, sep } from "node:path";
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
    if (await lstat2(join7(current, ".git")).catch(() => null)) return current;
    const parent = dirname3(current);
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
    if (dest) await mkdir4(dest, { mode: 493 });
    for (const entry of await readdir(realDir)) {
      if (NOT_COPIED.has(entry)) continue;
      if (++entries > MAX_ENTRIES)
        throw refused(
          `The module ${printable(origin)} holds more than ${MAX_ENTRIES} files once its links are followed.`
        );
      const entryRel = rel ? `${rel}/${entry}` : entry;
      const path = join7(realDir, entry);
      const target = dest ? join7(dest, entry) : null;
      let real = path;
      let info = await lstat2(path);
      if (info.isSymbolicLink()) {
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
        info = await stat3(real);
      }
      if (info.isDirectory()) {
        if (ancestors.includes(real))
          throw refused(`The symbolic link ${describe(entryRel)} points to a directory that contains it: a loop.`);
        await visit(real, entryRel, target, [...ancestors, real]);
      } else if (info.isFile()) {
        if (target) await copyFile2(real, target, constants.COPYFILE_EXCL);
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
import { readdir as readdir2, readFile as readFile4, stat as stat4 } from "node:fs/promises";
import { join as join8, relative, sep as sep2 } from "node:path";
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
    const located = LOCATED.exec(line);
    if (located) {
      const next = TEXT.exec(lines[i + 1] ?? "");
      add({
        document: located[1],
        label: located[2] ?? null,
        offset: located[3] === void 0 ? null : Number(located[3]),
        message: cleanMessage(located[4] ?? ""),
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
      const full = join8(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk(full);
      } else if (entry.isFile() && SOURCE_EXT.test(entry.name) && tree.size < limit) {
        const info = await stat4(full);
        if (info.size <= 2e6)
          tree.set(relative(moduleDir, full).split(sep2).join("/"), await readFile4(full, "utf8"));
      }
    }
  };
  await walk(moduleDir);
  return tree;
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
  const staging = await mkdtemp2(join9(tmpdir2(), "ipm-db-module-"));
  try {
    const copy = join9(staging, "module");
    await copyModuleTree(moduleDir, copy);
    await makeReadableForIris(copy);
    await files.copyIn(copy, containerDir);
  } finally {
    await rm4(staging, { recursive: true, force: true });
  }
}
async function makeReadableForIris(path) {
  const info = await stat5(path);
  if (info.isDirectory()) {
    await chmod3(path, info.mode | 511);
    for (const entry of await readdir3(path)) await makeReadableForIris(join9(path, entry));
  } else {
    await chmod3(path, info.mode | 292);
  }
}
async function copyFileIn(files, hostFile, containerPath) {
  if (((await stat5(hostFile)).mode & 4) !== 0) return files.copyIn(hostFile, containerPath);
  const staging = await mkdtemp2(join9(tmpdir2(), "ipm-db-file-"));
  try {
    const copy = join9(staging, basename(hostFile));
    await cp2(hostFile, copy);
    await chmod3(copy, 420);
    await files.copyIn(copy, containerPath);
  } finally {
    await rm4(staging, { recursive: true, force: true });
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
    await mkdir5(hostOutDir, { recursive: true });
    const hostPath = join9(hostOutDir, fileName);
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
    await mkdir5(hostOutDir, { recursive: true });
    const hostJunit = join9(hostOutDir, `junit-${moduleName2.toLowerCase()}.xml`);
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
import { readFile as readFile5, stat as stat6 } from "node:fs/promises";
import { join as join10 } from "node:path";
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
  const exists = (name) => stat6(join10(moduleDir, name)).then(
    () => true,
    () => false
  );
  if (exportPythonDeps && await exists("requirements.txt")) return true;
  return await declaresDependencies(moduleDir) && !await exists(".modules");
}
async function declaresDependencies(moduleDir) {
  try {
    return parseModuleXml(await readFile5(join10(moduleDir, "module.xml"), "utf8")).dependencies.length > 0;
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
  if (o.recordTranscripts) recordTranscript(container, join11(o.outDir, "transcripts", container.name));
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

// src/pipeline/warm.ts
import { tmpdir as tmpdir3 } from "node:os";
import { join as join12 } from "node:path";

// src/ipm/warm-image.ts
import { createHash as createHash3 } from "node:crypto";
var WARM_REPOSITORY = "ipm-db-warm";
var WARM_LABEL = "ipm-db.warm";
function warmImageKey(baseImageId2, ipmPin, homeNamespace) {
  return createHash3("sha256").update(`${baseImageId2}
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
async function commitWarmImage(container, tag, key2, options) {
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
      ["commit", "--change", `LABEL ${WARM_LABEL}=${key2}`, container.name, tag],
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
      workDir: join12(tmpdir3(), "ipm-db-installers"),
      ...o.installerCache ? { cache: o.installerCache } : {}
    }) : Promise.resolve(null);
    installers.set(ctx, p);
  }
  return p;
}
function warmState(ctx) {
  return warmStates.get(ctx) ?? null;
}
async function startWithWarmImage(ctx) {
  const o = ctx.options;
  if (!o.warmIpmImage || !o.installer) return startPipelineIris(ctx, ctx.runId);
  const installer = await pipelineInstaller(ctx);
  const baseId = installer ? await baseImageId(ctx.docker, o.image) : null;
  if (!installer || !baseId) {
    ctx.logger.warn(`No warm IPM image for ${o.image}: its image id could not be read.`);
    return startPipelineIris(ctx, ctx.runId);
  }
  const key2 = warmImageKey(baseId, installerPin(installer), o.homeNamespace ?? "USER");
  const tag = warmImageTag(key2);
  const state = { key: key2, tag, used: false };
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
      await commitWarmImage(ctx.container, state.tag, state.key, {
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
function judgeProbes(main, terminate) {
  const out = parseSessionOutput(main.stdout);
  const sum = out.values.get("probe.sum");
  const echoed = main.stdout.includes('"##IPMDB probe.sum="');
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
    probe("exit-status-halt", main.exitCode === 0, "exit status 0 after halt", `exit status ${main.exitCode}`),
    probe(
      "exit-status-terminate",
      terminate.exitCode === 1 && after === void 0,
      "exit status 1 after $system.Process.Terminate($job,1), and nothing after it runs",
      `exit status ${terminate.exitCode}${after === void 0 ? "" : ", and the next line ran"}`
    )
  ];
}
function assumptionError(results, main, terminate) {
  const broken = results.find((r) => !r.holds);
  if (!broken) return null;
  return new IpmDbError(
    "assumption-failed",
    `assumption ${broken.name} does not hold: expected ${broken.expected}, saw ${broken.saw}`,
    {
      hint: 'This IRIS behaves differently from what the driver was built against (docs/iris-surface.md, "Assumptions"). Report it with the output below.',
      details: [
        `--- probe session (exit ${main.exitCode}) ---`,
        main.stdout,
        `--- terminate probe (exit ${terminate.exitCode}) ---`,
        terminate.stdout
      ].join("\n")
    }
  );
}
async function probeAssumptions(exec, namespace) {
  const main = await exec(namespace, MAIN_PROBE_SCRIPT);
  const terminate = await exec(namespace, TERMINATE_PROBE_SCRIPT);
  for (const [what, s] of [
    ["probe session", main],
    ["terminate probe", terminate]
  ])
    if (s.exitCode !== 0 && s.exitCode !== 1)
      throw new IpmDbError(
        "session-ended-early",
        `The IRIS ${what} in ${namespace} ended before the end of its script (exit ${s.exitCode}).`,
        { hint: "IRIS stopped or the session was cut off; read the IRIS output below.", details: s.stdout }
      );
  const results = judgeProbes(main, terminate);
  const error = assumptionError(results, main, terminate);
  if (error) throw Object.assign(error, { probes: results });
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
    const run2 = await ops.test(namespace, module.name, ctx.options.outDir);
    ctx.report.junitPath = run2.junitPath;
    if (!run2.passed)
      throw new IpmDbError("tests-failed", run2.error ?? `The tests of ${module.name} failed.`, { details: run2.output });
    return `tests passed in ${namespace}${run2.junitPath ? `; JUnit at ${run2.junitPath}` : ""}`;
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

// src/pipeline/stage-result.ts
function stageFailure(stage, error, durationMs) {
  const hint = error instanceof IpmDbError && error.hint ? ` (${redact(error.hint)})` : "";
  const output = error instanceof IpmDbError && error.details ? redact(error.details) : void 0;
  const code = error instanceof IpmDbError ? error.code : void 0;
  return {
    stage,
    status: "failed",
    durationMs,
    message: redact(errorMessage(error)) + hint,
    ...code ? { code } : {},
    ...output ? { output } : {}
  };
}
function stageSkipped(stage, why) {
  return { stage, status: "skipped", durationMs: 0, message: why };
}

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
  let failed = false;
  try {
    for (const stage of stages) {
      if (failed) {
        report.stages.push(stageSkipped(stage.name, "an earlier stage failed"));
        continue;
      }
      if (options.signal?.aborted) {
        failed = true;
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
        failed = true;
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
    report.ok = !failed && report.stages.every((s) => s.status !== "failed");
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
  } catch (error) {
    await remove();
    throw error;
  }
}

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
      scenarios,
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
    if (!UPGRADE_SCENARIOS.includes(name)) {
      throw new UsageError(
        `unknown upgrade scenario "${name}"`,
        `Choose from ${UPGRADE_SCENARIOS.join(", ")} (or all).`
      );
    }
  }
  const scenarios = all ? UPGRADE_SCENARIOS.filter((s) => missingInputs(s, previous) === null) : UPGRADE_SCENARIOS.filter((s) => requested.includes(s));
  for (const scenario of scenarios) {
    const missing = missingInputs(scenario, previous);
    if (missing) throw new UsageError(`upgrade scenario "${scenario}" needs ${missing}`);
  }
  return scenarios;
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
function previousReference(pullFrom, moduleName2, version, irisMajorMinor) {
  return `${pullFrom.registry.replace(/\/+$/, "")}/${ipmRepositoryPath(pullFrom.namespace, moduleName2)}:${ipmDatabaseTag(version, irisMajorMinor)}`;
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

// src/pipeline/module-settings.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile as readFile6 } from "node:fs/promises";
import { isAbsolute, join as join14, relative as relative3, sep as sep4 } from "node:path";
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
function settingsFileLabel(base, moduleDir) {
  const path = join14(moduleDir, MODULE_SETTINGS_FILE);
  const rel = relative3(base, path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel.split(sep4).join("/");
}
async function readModuleSettings(moduleDir, label = MODULE_SETTINGS_FILE) {
  let text;
  try {
    text = await readFile6(join14(moduleDir, MODULE_SETTINGS_FILE), "utf8");
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

// src/pipeline/upgrade/driver-binding.ts
import { mkdtemp as mkdtemp4, rm as rm6 } from "node:fs/promises";
import { tmpdir as tmpdir5 } from "node:os";
import { join as join15 } from "node:path";
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
    const warm = image === void 0 ? await warmImageForScenarios(ctx) : null;
    const first = warm ? await startOnVolume(ctx, runIds[0], volume, warm, needsCheckCapsFalse(ctx.options.image)) : await startOnVolume(ctx, runIds[0], volume, image);
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
    tempDir: () => mkdtemp4(join15(tmpdir5(), "ipm-db-previous-")),
    removeTempDir: (dir) => rm6(dir, { recursive: true, force: true })
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
function decode(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
function attributes(tag) {
  const out = {};
  for (const m of tag.matchAll(/([A-Za-z][\w.-]*)\s*=\s*"([^"]*)"/g)) out[m[1]] = decode(m[2]);
  return out;
}
function productionSettings(xml) {
  const settings = /* @__PURE__ */ new Map();
  const setting = (scope, body) => {
    for (const m of body.matchAll(/<Setting\b([^>]*)>([\s\S]*?)<\/Setting>/g)) {
      const a = attributes(m[1]);
      settings.set(`${scope} ${a.Target ?? ""} ${a.Name ?? ""}`.replace(/\s+/g, " "), decode(m[2]));
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
    settings.set(`production ${m[1]}`, decode(m[2]));
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
  async runChecks(iris, namespace) {
    if (this.options.checks.length === 0) return [];
    const output = await iris.run(namespace, this.options.checks.map(checkLine), "running the checks");
    const returned = parseChecks(output);
    const errors = reportedErrors(output);
    return this.options.checks.map(formatClassMethod).map((check) => {
      const found = returned.find((r) => r.check === check);
      if (found) return found;
      const error = errors.find((e) => e.startsWith(`${check}: `));
      return { check, returned: error ? error.slice(check.length + 2) : "(no result printed)", ok: false };
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
  checkModule(state, version, packaging, when) {
    if (!state) {
      this.result.problems.push(`${this.release.moduleName} is not installed ${when}`);
      return;
    }
    if (state.version !== version)
      this.result.problems.push(
        `${this.release.moduleName} is at version ${state.version} ${when}, expected ${version}`
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
  fail(error) {
    this.result.problems.push(describeError(error).replace(/\n\s*/g, " "));
    if (error instanceof IpmDbError && error.details) this.result.output = error.details;
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
  if (betweenHook) await betweenHook();
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

export {
  DEFAULT_IPM_REPOSITORY,
  parseIpmCommit,
  parseIpmRepository,
  parseInstallerSpec,
  directoryCache,
  Limiter,
  mapBounded,
  parseModuleXml,
  startStage,
  ipmStage,
  DEFAULT_STAGES,
  runPipeline,
  quote2 as quote,
  gitRevision,
  exportModuleAt,
  UPGRADE_FIELDS,
  readUpgradeOptions,
  NO_MODULE_SETTINGS,
  settingsFileLabel,
  readModuleSettings,
  describeSettingsUse,
  mergeModuleSettings,
  settingsError,
  driverUpgradeEnvironment,
  describeOutcome,
  ipmdbLines,
  throwOnReportedErrors,
  Scenario,
  proveUpgrade,
  runUpgradeScenarios
};
