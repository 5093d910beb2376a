// A provider binding's lib/<type>/index.js source in miniature, shaped as the CDK bindings
// generator writes it (the flags comments, the getters, the HCL mappers), for a resource
// `example_thing` with every kind of field the schema generator reads, and its .jsii structs.

const hcl = (name: string, value: string, isBlock: boolean, type: string, storageClassType: string): string =>
  `      ${name}: {\n        value: ${value},\n        isBlock: ${isBlock},\n        type: "${type}",\n        storageClassType: "${storageClassType}",\n      },\n`;

export const THING_SOURCE = `// generated from terraform resource schema

export interface ThingConfig extends cdktn.TerraformMetaArguments {
  readonly name: string;
}
export function thingRuleToHclTerraform(struct?: ThingRule | cdktn.IResolvable): any {
  const attrs = {
${hcl('priority', 'cdktn.numberToHclTerraform(struct!.priority)', false, 'simple', 'number')}  };
}

export class ThingRuleOutputReference extends cdktn.ComplexObject {
  // priority - computed: false, optional: false, required: true
  public get priority() {
    return this.getNumberAttribute('priority');
  }
}
export function thingSettingsToHclTerraform(struct?: ThingSettings): any {
  const attrs = {
${hcl('mode', 'cdktn.stringToHclTerraform(struct!.mode)', false, 'simple', 'string')}  };
}

export class ThingSettingsOutputReference extends cdktn.ComplexObject {
  // mode - computed: false, optional: true, required: false
  public get mode() {
    return this.getStringAttribute('mode');
  }
}
export function thingTimeoutsToHclTerraform(struct?: ThingTimeouts): any {
  const attrs = {
${hcl('create', 'cdktn.stringToHclTerraform(struct!.create)', false, 'simple', 'string')}  };
}

export class ThingTimeoutsOutputReference extends cdktn.ComplexObject {
  // create - computed: false, optional: true, required: false
  public get create() {
    return this.getStringAttribute('create');
  }
}

export class ThingEndpointOutputReference extends cdktn.ComplexObject {
  // address - computed: true, optional: false, required: false
  public get address() {
    return this.getStringAttribute('address');
  }

  // ports - computed: true, optional: false, required: false
  public get ports() {
    return this.getNumberListAttribute('ports');
  }
}

export class ThingEndpointList extends cdktn.ComplexList {
}

export class Thing extends cdktn.TerraformResource {
  public static readonly tfResourceType = "example_thing";

  // name - computed: false, optional: false, required: true
  private _name?: string;
  public get name() {
    return this.getStringAttribute('name');
  }

  // tags - computed: false, optional: true, required: false
  public get tags() {
    return this.getStringMapAttribute('tags');
  }

  // arn - computed: true, optional: false, required: false
  public get arn() {
    return this.getStringAttribute('arn');
  }

  // aliases - computed: true, optional: false, required: false
  public get aliases() {
    return cdktn.Fn.tolist(this.getListAttribute('aliases'));
  }

  // endpoint - computed: true, optional: false, required: false
  private _endpoint = new ThingEndpointList(this, "endpoint", true);
  public get endpoint() {
    return this._endpoint;
  }

  // rule - computed: false, optional: false, required: true
  private _rule = new ThingRuleList(this, "rule", true);
  public get rule() {
    return this._rule;
  }

  // settings - computed: false, optional: true, required: false
  private _settings = new ThingSettingsOutputReference(this, "settings");
  public get settings() {
    return this._settings;
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new ThingTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
${hcl('name', 'cdktn.stringToHclTerraform(this._name)', false, 'simple', 'string')}${hcl('tags', 'cdktn.hashMapperHcl(cdktn.stringToHclTerraform)(this._tags)', false, 'map', 'stringMap')}${hcl('rule', 'cdktn.listMapperHcl(thingRuleToHclTerraform, true)(this._rule.internalValue)', true, 'set', 'ThingRuleList')}${hcl('settings', 'thingSettingsToHclTerraform(this._settings.internalValue)', true, 'list', 'ThingSettingsList')}${hcl('timeouts', 'thingTimeoutsToHclTerraform(this._timeouts.internalValue)', true, 'struct', 'ThingTimeouts')}    };
  }
}
`;

/** The same file as the package ships it: compiled JavaScript with the source above in an inline source map. */
export const withInlineSourceMap = (source: string): string =>
  `"use strict";\nclass Compiled {}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(
    JSON.stringify({ version: 3, sources: ['index.ts'], sourcesContent: [source], mappings: '' }),
  ).toString('base64')}\n`;

const property = (terraformName: string, summary: string, optional: boolean) => ({
  name: terraformName,
  optional,
  docs: {
    summary,
    remarks: `Docs at Terraform Registry: {@link https://registry.terraform.io/providers/example/x/1.0.0/docs/resources/thing#${terraformName} Thing#${terraformName}}`,
  },
});

/** The .jsii assembly's structs of that file. */
export const THING_JSII = {
  types: {
    'example.ThingConfig': {
      name: 'ThingConfig',
      locationInModule: { filename: 'src/thing/index.ts' },
      properties: [
        property('name', "The thing's name. Shown in the console.", false),
        property('tags', 'Docs at Terraform Registry: {@link …}', true),
        property('rule', 'rule block.', false),
        property('settings', 'settings block.', true),
        property('timeouts', 'timeouts block.', true),
      ],
    },
    'example.ThingRule': {
      name: 'ThingRule',
      locationInModule: { filename: 'src/thing/index.ts' },
      properties: [property('priority', 'Lower   runs\nfirst!  Then the rest.', false)],
    },
    'example.ThingSettings': {
      name: 'ThingSettings',
      locationInModule: { filename: 'src/thing/index.ts' },
      properties: [property('mode', 'The mode', true)],
    },
    'example.ThingTimeouts': {
      name: 'ThingTimeouts',
      locationInModule: { filename: 'src/thing/index.ts' },
      properties: [property('create', 'How long to wait.', true)],
    },
    'example.Elsewhere': { name: 'Elsewhere' },
  },
};
