import { prototypeKeys } from './validation';

describe('fields that shadow Object.prototype', () => {
  it('are found at any depth, named by JSON Pointer', () => {
    const body = JSON.parse('{"a":1,"toString":"x","b":{"c":[{"valueOf":2}],"__proto__":{"admin":true}},"constructor":{}}');
    expect(prototypeKeys(body).sort()).toEqual(['/b/__proto__', '/b/c/0/valueOf', '/constructor', '/toString']);
  });

  it('leave an ordinary body alone', () => {
    expect(prototypeKeys({ type: 'LOGIN_LOCK', resident: { personnummer: '199001012385', name: 'Tova' }, reasons: ['THREAT'] })).toEqual([]);
    expect(prototypeKeys('text')).toEqual([]);
  });
});
