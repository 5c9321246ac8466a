import { LoadingBlock } from "../../ui/components/Spinner.tsx";

/** What the first load shows while the requested page's code is on its way. */
export function StartingUp() {
  return (
    <main className="site-main">
      <div className="container">
        <LoadingBlock />
      </div>
    </main>
  );
}
