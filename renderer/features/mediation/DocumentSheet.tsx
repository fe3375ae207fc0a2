/*
 * A document model drawn as an A4 sheet (the same layout as the printed page; React escapes the text),
 * with the signature and seal images it is given.
 */
import { isImageDataUrl, type DocImages, type DocumentModel } from '#shared/documents/model';

const image = (images: DocImages, sha: string | undefined): string | null => {
  const url = sha === undefined ? undefined : images.get(sha);
  return url !== undefined && isImageDataUrl(url) ? url : null;
};

export function DocumentSheet({
  doc,
  testId = 'a4-sheet',
  images = new Map<string, string>(),
}: {
  doc: DocumentModel;
  testId?: string;
  images?: DocImages;
}) {
  const seal = image(images, doc.sealImageSha256);
  return (
    <article className="a4-sheet" data-testid={testId} lang="zh-CN">
      <div className="org">{doc.orgName}</div>
      <h1>{doc.title}</h1>
      <div className="no">{doc.caseNumber}</div>
      {doc.parties.map((p, i) => (
        <p className="party" key={`p${String(i)}`}>
          {p.label}：{p.text}
        </p>
      ))}
      {doc.sections.map((s, i) => (
        <section key={`s${String(i)}`}>
          {s.heading !== undefined && <h2>{s.heading}</h2>}
          {s.paragraphs.map((para, j) => (
            <p key={`s${String(i)}-${String(j)}`}>{para}</p>
          ))}
        </section>
      ))}
      {doc.table && (
        <table>
          <thead>
            <tr>
              {doc.table.headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {doc.table.rows.map((r, i) => (
              <tr key={`r${String(i)}`}>
                {r.map((c, j) => (
                  <td key={`c${String(j)}`}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="signers">
        {doc.signers.map((s, i) => (
          <p key={`g${String(i)}`}>
            {s.role}：{s.name}
            {s.mark === '' ? '' : `（${s.mark}）`}
            {image(images, s.imageSha256) !== null && (
              <img
                className="sig"
                data-testid="doc-signature"
                src={image(images, s.imageSha256) ?? ''}
                alt={`${s.name}的签名`}
              />
            )}
          </p>
        ))}
      </div>
      <p className="date">
        {seal !== null && <img className="seal" data-testid="doc-seal" src={seal} alt="印章" />}
        {doc.dateText}
      </p>
      {doc.footnotes.map((f) => (
        <p className="foot" key={f}>
          {f}
        </p>
      ))}
    </article>
  );
}
