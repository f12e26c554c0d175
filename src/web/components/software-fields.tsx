import type { ProductChoice } from '../../estate/software-search.js';

/**
 * Software by what it is, in a filter form: a lifecycle product, named by its
 * rule's title ("Oracle JDK", the value its id), and a semver range of its versions.
 */
export function SoftwareFields({ choices, product, version }: { choices: readonly ProductChoice[]; product?: string; version?: string }) {
  const listed = product === undefined || choices.some((c) => c.product === product);
  return (
    <>
      <div>
        <label for="product">Product</label>
        <select id="product" name="product">
          <option value="">any</option>
          {!listed && (
            <option value={product} selected>
              {product}
            </option>
          )}
          {choices.map((c) => (
            <option value={c.product} selected={c.product === product}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="version">Versions</label>
        <input id="version" name="version" value={version ?? ''} placeholder="<9 or >=8 <9" aria-describedby="version-hint" size={12} />
        <div id="version-hint" class="small muted">
          a semver range, on the version's first three numbers
        </div>
      </div>
    </>
  );
}
