/** Generated models past the size limits (parser and API tests). */
const HEAD = '<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">';

/** A process with a chain of `tasks` plain tasks (2 flow elements per task). */
export function chainModel(tasks: number): string {
  let body = '<bpmn:startEvent id="s"/>';
  let previous = 's';
  for (let i = 0; i < tasks; i++) {
    body += `<bpmn:task id="t${i}"/><bpmn:sequenceFlow id="f${i}" sourceRef="${previous}" targetRef="t${i}"/>`;
    previous = `t${i}`;
  }
  return `${HEAD}<bpmn:process id="chain" isExecutable="true">${body}<bpmn:endEvent id="e"/><bpmn:sequenceFlow id="fe" sourceRef="${previous}" targetRef="e"/></bpmn:process></bpmn:definitions>`;
}

/** A process with `depth` embedded subprocesses, each inside the one before. */
export function nestedModel(depth: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += `<bpmn:subProcess id="sp${i}"><bpmn:startEvent id="s${i}"/>`;
    close = `</bpmn:subProcess>${close}`;
  }
  return `${HEAD}<bpmn:process id="nested" isExecutable="true"><bpmn:startEvent id="s"/>${open}${close}</bpmn:process></bpmn:definitions>`;
}

