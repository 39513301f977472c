{{
  config(
    materialized = 'view'
  )
}}

with

events as (
    select *
    from {{ source('atomic', 'events') }}
    where collector_tstamp < '2030-01-01'
),

renamed as (
    select
        cast(e.event_id as string) as event_id,
        cast(e.collector_tstamp as timestamp) as collector_tstamp,
        cast(e.derived_tstamp as timestamp) as derived_tstamp,
        cast(e.dvce_created_tstamp as timestamp) as dvce_created_tstamp,
        cast(e.event_name as string) as event_name,
        cast(e.event_version as string) as event_version,
        cast(e.app_id as string) as app_id,
        cast(e.platform as string) as platform,
        cast(e.domain_userid as string) as domain_userid,
        cast(e.domain_sessionid as string) as domain_sessionid,
        cast(e.network_userid as string) as network_userid,
        cast(e.user_id as string) as user_id,
        cast(reflekt_entity.sku as string) as sku,
        cast(reflekt_entity.unit_price as float64) as unit_price,
        cast('atomic' as string) as source_schema,
        cast('events' as string) as source_table,
        cast('acme/product/1-0.json' as string) as schema_id,
        cast('{"code_owner": "a", "product_owner": "b"}' as string) as schema_metadata
    from events as e
    cross join unnest(e.contexts_com_example_product_1) as reflekt_entity
)

select * from renamed
