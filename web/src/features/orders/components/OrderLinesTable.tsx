import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { formatDate, formatDose } from '../../../lib/format.ts';

/** One line of an order as shown: from the rules package's preview or from a saved order. */
export interface ShownLine {
  sequence: number;
  nightlyDoseMg: number;
  strength: number;
  strengthUnit: string;
  quantity: number;
  quantityUnit: string;
  daysSupply: number;
  startsOn: string | null;
  directions: string;
}

/** `14 capsules`, `1 capsule`, `21 mL`. */
export function quantityText(quantity: number, unit: string): string {
  return unit === 'capsule' && quantity !== 1 ? `${quantity} capsules` : `${quantity} ${unit}`;
}

/** An order's lines: dose, strength, quantity, nights, first night and directions. */
export function OrderLinesTable({ lines, label }: { lines: readonly ShownLine[]; label: string }) {
  return (
    <ScrollArea label={label}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Nightly dose</th>
            <th scope="col">Strength</th>
            <th scope="col">Quantity</th>
            <th scope="col">Nights</th>
            <th scope="col">From</th>
            <th scope="col">Directions</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.sequence}>
              <td>{line.sequence}</td>
              <td>{formatDose(line.nightlyDoseMg)}</td>
              <td>
                {line.strength} {line.strengthUnit}
              </td>
              <td>{quantityText(line.quantity, line.quantityUnit)}</td>
              <td>{line.daysSupply}</td>
              <td>{formatDate(line.startsOn)}</td>
              <td>{line.directions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
