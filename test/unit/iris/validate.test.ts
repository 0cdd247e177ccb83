import { describe, expect, it } from 'vitest';
import { isValid, validate, validateNamespace } from '../../../src/iris/validate.js';

describe('validate', () => {
  it('accepts what IRIS and IPM produce', () => {
    for (const v of ['simple-db-module', 'zpm', 'MyApp.Core', 'a_b']) expect(isValid('module name', v)).toBe(true);
    for (const v of ['1.0.0', '0.10.10', '1.2.3-beta.1', '1.2.3+build.5', '2.0.0-rc.1+x'])
      expect(isValid('module version', v)).toBe(true);
    for (const v of ['USER', 'USER-PKG', 'USER-INST2', '%SYS', 'IPM_HOME']) expect(isValid('namespace', v)).toBe(true);
    for (const v of [
      '/tmp/ipm-db/module-1',
      '/tmp/ipm-db/out-2/simple-db-module-1.0.0-database.tgz',
      '/usr/irissys/mgr/messages.log',
    ])
      expect(isValid('container path', v)).toBe(true);
    for (const v of [
      'containers.intersystems.com/intersystems/iris-community:2025.1',
      'intersystemsdc/iris-community:latest',
      'localhost:5000/iris-standin:1',
      'iris@sha256:' + 'a'.repeat(64),
    ])
      expect(isValid('image', v)).toBe(true);
  });

  it('refuses look-alikes', () => {
    for (const v of ['01.0.0', '1.0', '1.0.0.0', 'v1.0.0', '1.0.0-', '1.0.0\n'])
      expect(isValid('module version', v)).toBe(false);
    for (const v of ['tmp/x', '/tmp/../etc', '/tmp/./x', '/tmp/a b', '/tmp/x"', '/tmp/x\n', '/..'])
      expect(isValid('container path', v)).toBe(false);
    for (const v of ['user', '%USER', '1USER', 'USER PKG', 'USER"']) expect(isValid('namespace', v)).toBe(false);
    for (const v of ['-v', '--rm', 'Image:Tag', 'a b', 'x;y']) expect(isValid('image', v)).toBe(false);
  });

  it('upper-cases namespaces and names the pattern when it refuses', () => {
    expect(validateNamespace('user-pkg')).toBe('USER-PKG');
    expect(() => validate('module name', 'a"b')).toThrow(/Refusing module name "a\\"b": it does not match/);
    expect(() => validate('module name', 'a\nb')).toThrow(/line break or control character/);
  });
});
